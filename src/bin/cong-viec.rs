//! Entry point of the work page (the chapter's work: lists and forms),
//! a bundle of its own that is loaded when first opened.

fn main() {
    console_error_panic_hook::set_once();
    so_tay_chi_hoi::ui::start(so_tay_chi_hoi::ui::WORK);
}
