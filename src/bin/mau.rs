//! Entry point of the sample page: makes the chosen sample, then opens it.

fn main() {
    console_error_panic_hook::set_once();
    so_tay_chi_hoi::ui::sample::make_and_open();
}
