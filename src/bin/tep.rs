//! Entry point of the files page (backups and imports), a bundle of its own
//! that is loaded when first opened.

fn main() {
    console_error_panic_hook::set_once();
    so_tay_chi_hoi::ui::start(so_tay_chi_hoi::ui::FILES);
}
