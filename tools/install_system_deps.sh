#!/usr/bin/env bash
# Debian packages vanban uses for legacy .doc (LibreOffice Writer), spreadsheet checks (Calc), scanned pages (Tesseract + Vietnamese)
# and PDF rendering (poppler), and the web app's browser tests (chromium).  Installs what is missing when run as root with apt-get; otherwise
# prints the exact command.  vanban itself runs without them and says so where one is needed.
set -u
need=()
command -v soffice   >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# Calc: recalculating and rendering the spreadsheets vanban writes (tests of .xlsx exports)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx vie; then need+=(tesseract-ocr-vie); fi
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr-vie)
command -v pdftoppm  >/dev/null 2>&1 || need+=(poppler-utils)
# Liberation fonts have the metrics of Times New Roman / Arial: PDFs rendered from .docx in the tests
# wrap lines where Word does, whatever fonts the machine happens to have
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need+=(fonts-liberation2)
# the tracker web app's browser tests (tests/test_web_browser.py): Debian's chromium and its driver
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || [ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -eq 0 ]; then echo "system packages: all present"; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "apt-get failed; vanban runs without: ${need[*]} (.doc, OCR, PDF rendering disabled)"; exit 0; }
else
  echo "missing system packages: ${need[*]}"
  echo "install them with: sudo apt-get install ${need[*]}  (vanban runs without; .doc/OCR need them)"
fi
