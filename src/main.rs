//! Entry point of the app's first page (set-up, register, backups, unit):
//! report panics to the console, then mount.

fn main() {
    console_error_panic_hook::set_once();
    so_tay_chi_hoi::ui::start(so_tay_chi_hoi::ui::SHELL);
}
