#!/usr/bin/env bash
# Release build of both pages into dist/: the shell (index.html, the first
# load) and the work page (cong-viec.html, loaded when first opened). Trunk
# builds one HTML page at a time, so the work page is built aside and copied in.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release
# The work page's HTML is the shell's with the other binary: made here, not kept.
sed -e 's/data-bin="so-tay-chi-hoi"/data-bin="cong-viec"/' \
  -e 's#<title>Sổ tay Chi hội</title>#<title>Công việc · Sổ tay Chi hội</title>#' \
  index.html > cong-viec.html
rm -rf target/dist-work
trunk build cong-viec.html --release true --dist target/dist-work
for file in target/dist-work/*; do
  case "$(basename "$file")" in
    index.html) cp "$file" dist/cong-viec.html ;;
    *) cp "$file" dist/ ;;
  esac
done
