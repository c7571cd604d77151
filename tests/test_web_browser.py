"""The tracker web app as a person uses it: Debian's chromium driven by
Selenium (chromium-driver, nothing downloaded), the app served by real
uvicorn on a free loopback port over a temporary SQLite store filled from
sample documents.  Covers: log in, pick a unit (without diacritics), confirm a
corrected deadline, mark a task done and see it leave the overdue list and
the unit's calendar feed, a unit's user getting 403 on another unit's item,
and a document whose text holds ``<script>`` showing it as text.

Chromium missing is a failure, not a skip: CI installs it (``make system``)."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from icalendar import Calendar

from web_fixture import PASSWORD, build_store, free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from tracker.web.app import create_app

    tmp = tmp_path_factory.mktemp("webui")
    url, structured = build_store(tmp)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(url, structured_dir=structured), host="127.0.0.1", port=port,
                                        log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", url
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM or not DRIVER:
        pytest.fail("chromium and chromium-driver are needed for the browser tests: run `make system` "
                    "(as root: apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="vanban-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
              f"--user-data-dir={profile}", "--window-size=1400,1000", "--lang=vi"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def click_and_wait(driver, element) -> None:
    """Click what submits a form or follows a link, and wait for the next page."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    # Mark the current page; the next page has no mark.  Waiting on the element going stale raced with
    # Chrome's navigation ("Node with given id does not belong to the document"), so the wait asks the page
    # itself and treats a WebDriver error during the switch as "not there yet".
    driver.execute_script("window.__vanbanOldPage = true;")
    element.click()

    def next_page_loaded(d) -> bool:
        return bool(d.execute_script(
            "return window.__vanbanOldPage !== true && document.readyState === 'complete'"))

    WebDriverWait(driver, 30, ignored_exceptions=(WebDriverException,)).until(next_page_loaded)


def log_in(driver, base: str, username: str) -> None:
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(base + "/viec")
    assert "/dang-nhap" in driver.current_url  # not logged in: sent to the login page
    driver.find_element(By.ID, "ten").send_keys(username)
    driver.find_element(By.ID, "mat_khau").send_keys(PASSWORD)
    click_and_wait(driver, driver.find_element(By.ID, "nut-dang-nhap"))
    assert driver.current_url.endswith("/viec")
    assert driver.find_element(By.ID, "nguoi-dung").text == username.capitalize()


def uids_in(driver, css: str) -> list[str]:
    from selenium.webdriver.common.by import By

    return [e.get_attribute("data-uid") for e in driver.find_elements(By.CSS_SELECTOR, css)]


def feed_uids(url: str) -> list[str]:
    with urllib.request.urlopen(url, timeout=30) as r:
        return [str(e["UID"]) for e in Calendar.from_ical(r.read()).walk("VEVENT")]


def test_pick_a_unit_and_confirm_a_corrected_deadline(server, browser):
    from selenium.webdriver.common.by import By

    base, _ = server
    log_in(browser, base, "rasoat")
    box = browser.find_element(By.ID, "chon-don-vi")
    box.send_keys("phong to chuc hanh chinh")  # no diacritics, lower case
    click_and_wait(browser, browser.find_element(By.ID, "nut-loc"))
    assert "Phòng Tổ chức - Hành chính" in browser.find_element(By.ID, "don-vi-da-chon").text
    overdue = browser.find_element(By.ID, "nhom-qua-han")
    link = overdue.find_element(By.PARTIAL_LINK_TEXT, "rà soát phương tiện chữa cháy")
    click_and_wait(browser, link)
    assert "quá hạn" in browser.find_element(By.ID, "trang-thai").text
    field = browser.find_element(By.ID, "sua-han")
    assert field.get_attribute("value") == "15/03/2024"
    field.clear()
    field.send_keys("31/12/2099")
    click_and_wait(browser, browser.find_element(By.ID, "nut-sua-han"))
    assert browser.find_element(By.ID, "bao-tot").text == "Đã lưu sửa đổi."
    status = browser.find_element(By.ID, "trang-thai").text
    assert "chưa đến hạn" in status and "31/12/2099" in status
    click_and_wait(browser, browser.find_element(By.ID, "nut-xac-nhan"))
    assert browser.find_element(By.ID, "xac-nhan-trang-thai").text == "đã xác nhận"
    history = browser.find_element(By.ID, "lich-su").text
    assert "rasoat" in history and "deadline" in history and "review" in history


def test_mark_a_task_done_it_leaves_the_overdue_list_and_the_calendar_feed(server, browser):
    from selenium.webdriver.common.by import By

    base, _ = server
    log_in(browser, base, "tchc")
    assert "Phòng Tổ chức - Hành chính" in browser.find_element(By.CLASS_NAME, "don-vi-cua-toi").text
    browser.get(base + "/lich")
    feed = browser.find_element(By.CLASS_NAME, "url-lich").get_attribute("value")
    assert "/lich/phong-to-chuc-hanh-chinh.ics?token=" in feed
    browser.get(base + "/viec?status=quá hạn")
    overdue = uids_in(browser, "#nhom-qua-han tr.dong")
    assert overdue, "the unit has overdue items (sample plan 001, deadline 10/11/2023)"
    uid = overdue[0]
    assert uid in feed_uids(feed)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, f'tr[data-uid="{uid}"] td.nhiem-vu a'))
    browser.find_element(By.ID, "ghi-chu").send_keys("Đã gửi báo cáo")
    click_and_wait(browser, browser.find_element(By.ID, "nut-hoan-thanh"))
    assert "Đã hoàn thành ngày" in browser.find_element(By.ID, "da-xong").text
    assert "đã hoàn thành" in browser.find_element(By.ID, "trang-thai").text
    browser.get(base + "/viec?status=quá hạn")
    assert uid not in uids_in(browser, "tr.dong")
    browser.get(base + "/viec")
    assert uid in uids_in(browser, "#nhom-da-hoan-thanh tr.dong")
    assert uid not in uids_in(browser, "#nhom-qua-han tr.dong")
    assert uid not in feed_uids(feed)
    with pytest.raises(urllib.error.HTTPError) as bad:
        feed_uids(feed.split("?")[0] + "?token=doan-mo")
    assert bad.value.code == 403


def test_a_unit_user_cannot_open_another_units_item(server, browser):
    from selenium.webdriver.common.by import By

    from tracker.query import select
    from tracker.store import Store

    base, url = server
    with Store(url) as s:
        (other,) = [r.ob.uid for r in select(s, unit="Phòng Kế hoạch - Nghiệp vụ").rows
                    if "cập nhật nội quy" in r.ob.action]
    log_in(browser, base, "khoaduoc")
    browser.get(f"{base}/nhiem-vu/{other}")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Lỗi 403"
    assert "cập nhật nội quy" not in browser.page_source
    with pytest.raises(urllib.error.HTTPError) as err:  # the status itself, as a client sees it
        req = urllib.request.Request(f"{base}/nhiem-vu/{other}",
                                     headers={"Cookie": f"vanban_phien={browser.get_cookie('vanban_phien')['value']}"})
        urllib.request.urlopen(req, timeout=30)
    assert err.value.code == 403


def test_a_document_holding_script_shows_it_as_text(server, browser):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    base, _ = server
    log_in(browser, base, "dieuphoi")
    browser.get(base + "/viec?unit=phong ke hoach")
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "cập nhật nội quy")
    assert '<script>alert("xss")</script>' in link.text
    click_and_wait(browser, link)
    quote = browser.find_element(By.ID, "nguyen-van")
    assert '<script>alert("xss")</script>' in quote.text
    assert browser.find_element(By.CSS_SELECTOR, "#nguyen-van mark.unit").text == "Phòng Kế hoạch - Nghiệp vụ"
    assert browser.execute_script("return document.querySelectorAll('script').length") == 0
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
