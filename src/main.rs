//! Entry point of the app: report panics to the console, then start.

fn main() {
    console_error_panic_hook::set_once();
    so_tay_chi_hoi::ui::start();
}
