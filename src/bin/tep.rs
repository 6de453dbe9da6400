//! Entry point of the files page (backups, imports, and the units below an
//! office side by side), a bundle of its own that is loaded when first opened.

fn main() {
    console_error_panic_hook::set_once();
    so_tay_chi_hoi::ui::start(so_tay_chi_hoi::ui::FILES);
}
