//! Entry point of the member-list page (a list brought in from a
//! spreadsheet), a bundle of its own: used once or twice by a chapter, it
//! costs no other page its weight.

fn main() {
    console_error_panic_hook::set_once();
    so_tay_chi_hoi::ui::start(so_tay_chi_hoi::ui::LISTS);
}
