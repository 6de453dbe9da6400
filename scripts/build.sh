#!/usr/bin/env bash
# Release build of every page into dist/: the shell (index.html, the first
# load), the work page (cong-viec.html), the figures page (so-lieu.html), the
# files page (tep.html), the offices page (van-phong.html), the member-list
# page (danh-sach.html) and the sample
# maker (mau.html), each its own wasm bundle loaded when first opened, and
# the xlsx worker. Trunk builds one HTML page at a time, so the others
# are built aside and copied in; their HTML is the shell's with another
# binary and, but for the sample maker, style/pages.css, made here and not
# kept. Last, each page's Content-Security-Policy
# is given the hash of its one inline start-up script, and the service
# worker is written with the list of every file built.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release
for page in cong-viec so-lieu tep van-phong danh-sach mau; do
  sed -e "s/data-bin=\"so-tay-chi-hoi\"/data-bin=\"$page\"/" index.html > "$page.html"
  if [ "$page" = mau ]; then
    sed -i 's#>Đang mở sổ…<#>Đang tạo dữ liệu mẫu…<#' mau.html
  else
    # The styles of the pages after the first, which the shell goes without.
    sed -i 's#^\(  <link data-trunk rel="css" href="style/main.css">\)$#\1\n  <link data-trunk rel="css" href="style/pages.css">#' "$page.html"
  fi
  if [ "$page" = danh-sach ]; then
    # The register on paper prints across the page: its own @page.
    sed -i 's#^\(  <link data-trunk rel="css" href="style/pages.css">\)$#\1\n  <link data-trunk rel="css" href="style/lists.css">#' "$page.html"
  fi
  if [ "$page" = van-phong ]; then
    # The offices page also builds the xlsx worker, started on first use.
    sed -i 's#^\(  <link data-trunk rel="rust" data-bin="van-phong".*\)$#\1\n  <link data-trunk rel="rust" data-bin="xlsx" data-type="worker" data-loader-shim data-wasm-opt="z">#' van-phong.html
  fi
  rm -rf "target/dist-$page"
  trunk build "$page.html" --release true --dist "target/dist-$page"
  for file in "target/dist-$page"/*; do
    case "$(basename "$file")" in
      index.html) cp "$file" "dist/$page.html" ;;
      *) cp -r "$file" dist/ ;;
    esac
  done
done
node scripts/csp-hashes.mjs
node scripts/service-worker.mjs
