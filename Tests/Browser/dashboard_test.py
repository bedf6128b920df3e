"""The dashboard as a person sees it: headless chromium (selenium + Debian's chromium-driver).

Makes a simulated shop with the flywheel binary, an admin, starts `flywheel serve` on a free port, signs in
through the login form, visits every page in English, switches to German with the header's form, visits
every page again, and checks that the figures the pages show equal the analytics engine's
(`flywheel report --format json`) in each language's number format. Saves a screenshot of every page.

Usage: python3 Tests/Browser/dashboard_test.py BINARY SCREENSHOT_DIR
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

PAGES = ["/", "/funnel", "/cohorts", "/cohorts?split=channel", "/segments", "/customers", "/loyalty", "/flows",
         "/feedback", "/delivery"]
TITLES = {
    "en": {"/": "Overview", "/funnel": "Funnel", "/cohorts": "Cohorts", "/segments": "Segments",
           "/customers": "Customers", "/loyalty": "Loyalty", "/flows": "Flows", "/feedback": "Feedback",
           "/delivery": "Delivery"},
    "de": {"/": "Überblick", "/funnel": "Trichter", "/cohorts": "Kohorten", "/segments": "Segmente",
           "/customers": "Kunden", "/loyalty": "Treueprogramm", "/flows": "Flows", "/feedback": "Feedback",
           "/delivery": "Lieferung"},
}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


def run(binary, *args, stdin=None, cwd=None):
    result = subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"flywheel {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def rounded(value, digits):
    """Half away from zero, as the dashboard rounds."""
    scale = 10 ** digits
    units = int(abs(value) * scale + 0.5 + 1e-9)
    return ("-" if value < 0 and units else "") + str(units // scale) + (
        "." + str(units % scale).rjust(digits, "0") if digits else "")


def localise(text, lang):
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def grouped(number_text):
    whole, _, fraction = number_text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ",".join(groups) + ("." + fraction if fraction else "")


def percent(fraction, lang):
    return localise(grouped(rounded(fraction * 100, 1)), lang) + " %"


def money(minor, currency, lang):
    return localise(grouped(rounded(minor / 100, 2)), lang) + " " + currency


def count(n, lang):
    return localise(grouped(str(n)), lang)


def score(value, lang):
    return localise(grouped(rounded(value, 1)), lang)


def main():
    binary = os.path.abspath(sys.argv[1])
    shots = os.path.abspath(sys.argv[2])
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp()
    database = os.path.join(work, "shop.sqlite")
    run(binary, "simulate", "--customers", "1500", "--seed", "11", "--database", database, cwd=work)
    password = "correct horse battery staple"
    run(binary, "admin", "create", "--username", "owner", "--password-stdin", "--database", database,
        stdin=password + "\n", cwd=work)
    report = json.loads(run(binary, "report", "--database", database, "--format", "json", "--locale", "en", cwd=work))

    server = subprocess.Popen([binary, "serve", "--port", "0", "--log-level", "warning", "--database", database],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=work)
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not match:
            sys.exit("flywheel serve did not start: " + line + server.stderr.read())
        base = f"http://127.0.0.1:{match.group(1)}"
        wait_until_loaded(base)
        browse(base, password, report, shots)
    finally:
        server.terminate()
        server.wait(timeout=20)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
    print(f"dashboard browser test passed; screenshots in {shots}")


def wait_until_loaded(base):
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.1)
    sys.exit("the server did not answer /health")


def browser():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800",
                     "--lang=en-US"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def visit(driver, base, path):
    driver.get(base + path)
    for _ in range(100):  # the figures load once after the server starts
        if "loaded from the database" not in driver.page_source and "aus der Datenbank geladen" not in driver.page_source:
            return
        time.sleep(0.2)
        driver.get(base + path)


def figure(driver, name):
    elements = driver.find_elements(By.CSS_SELECTOR, f'[data-figure="{name}"]')
    return elements[0].text.strip() if elements else None


def browse(base, password, report, shots):
    driver = browser()
    try:
        # Not signed in: every page sends you to the login.
        driver.get(base + "/segments")
        check("/login" in driver.current_url, "a page without a session leads to the login")
        # A wrong password is refused with a message; the right one signs in and returns to the page.
        sign_in(driver, "owner", "wrong password!!")
        check("do not match" in driver.page_source, "a wrong password is refused")
        driver.get(base + "/login?next=%2Fsegments&lang=en")
        sign_in(driver, "owner", password)
        check(driver.current_url.endswith("/segments"), f"after signing in, back to the page asked for ({driver.current_url})")
        cookies = {c["name"]: c for c in driver.get_cookies()}
        session = cookies.get("fw_session")
        check(session is not None and session.get("httpOnly") and session.get("sameSite") == "Lax",
              "the session cookie is HttpOnly and SameSite=Lax")

        for lang in ["en", "de"]:
            if lang == "de":
                switch_language(driver, "de")
            for path in PAGES:
                visit(driver, base, path)
                html = driver.find_element(By.TAG_NAME, "html")
                check(html.get_attribute("lang") == lang, f"{path} is marked as {lang}")
                heading = driver.find_element(By.TAG_NAME, "h1").text
                check(heading == TITLES[lang][path.split("?")[0]], f"{path} in {lang} has the title {heading!r}")
                check(driver.find_elements(By.CSS_SELECTOR, "main#main"), f"{path} has a main landmark")
                for field in driver.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), select"):
                    field_id = field.get_attribute("id")
                    labels = driver.find_elements(By.CSS_SELECTOR, f'label[for="{field_id}"]') if field_id else []
                    check(labels, f"{path}: every field has a label ({field.get_attribute('name')})")
                name = "home" if path == "/" else path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-")
                driver.save_screenshot(os.path.join(shots, f"{lang}-{name}.png"))
                check_figures(driver, path, lang, report)
            # A customer's profile from the segments page.
            visit(driver, base, "/segments")
            links = driver.find_elements(By.CSS_SELECTOR, "#lapsing a")
            if links:
                submit(driver, links[0])
                check(driver.find_elements(By.CSS_SELECTOR, "ol.timeline li"), "a customer's timeline lists events")
                driver.save_screenshot(os.path.join(shots, f"{lang}-customer.png"))
        # Phone width: the navigation and the figures still show.
        driver.set_window_size(390, 1400)
        visit(driver, base, "/")
        check(driver.find_element(By.CSS_SELECTOR, '[data-figure="rpr"]').is_displayed(), "the overview works on a phone")
        driver.save_screenshot(os.path.join(shots, "de-home-phone.png"))
        # Signing out ends the session.
        submit(driver, driver.find_element(By.CSS_SELECTOR, 'form[action="/logout"] button'))
        driver.get(base + "/")
        check("/login" in driver.current_url, "after signing out, pages need the login again")
    finally:
        driver.quit()
    # A form posted without its CSRF token is refused.
    request = urllib.request.Request(base + "/language", data=b"lang=de&next=/", method="POST",
                                     headers={"Cookie": f"fw_session={session['value'] if session else ''}"})
    try:
        urllib.request.urlopen(request, timeout=5)
        check(False, "a form without its CSRF token is refused")
    except urllib.error.HTTPError as error:
        check(error.code == 403, f"a form without its CSRF token is refused (got {error.code})")


def submit(driver, button):
    """Clicks a form's button and waits for the next page. Mid-navigation chromium may answer "node does not
    belong to the document" instead of "stale element": both mean the old page is gone."""
    button.click()

    def gone(_):
        try:
            return expected_conditions.staleness_of(button)(driver)
        except WebDriverException:
            return True

    WebDriverWait(driver, 15).until(gone)


def sign_in(driver, username, password):
    driver.find_element(By.ID, "username").clear()
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]"))


def switch_language(driver, lang):
    select = driver.find_element(By.ID, "lang-select")
    select.find_element(By.CSS_SELECTOR, f'option[value="{lang}"]').click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, 'form[action="/language"] button'))


def check_figures(driver, path, lang, report):
    headline = report["headline"]
    currency = report["currency"]
    if path == "/":
        check(figure(driver, "rpr") == percent(headline["repeat_purchase_rate"], lang),
              f"{lang} overview RPR {figure(driver, 'rpr')} = engine {headline['repeat_purchase_rate']}")
        check(figure(driver, "ltv") == money(headline["ltv_exact_minor"], currency, lang),
              f"{lang} overview LTV {figure(driver, 'ltv')} = engine {headline['ltv_exact_minor']}")
        check(figure(driver, "aov") == money(headline["average_order_value_minor"], currency, lang),
              f"{lang} overview AOV {figure(driver, 'aov')} = engine {headline['average_order_value_minor']}")
        if headline["nps"]:
            check(figure(driver, "nps") == score(headline["nps"]["score"], lang),
                  f"{lang} overview NPS {figure(driver, 'nps')} = engine {headline['nps']['score']}")
        if headline["csat"]:
            check(figure(driver, "csat") == score(headline["csat"]["score"], lang),
                  f"{lang} overview CSAT {figure(driver, 'csat')} = engine {headline['csat']['score']}")
        rows = driver.find_elements(By.CSS_SELECTOR, "#monthly tbody tr")
        check(len(rows) == len(report["monthly"]), "the monthly table has every month of the report")
    elif path == "/funnel":
        for stage in report["funnel"]["stages"]:
            shown = figure(driver, "funnel-" + stage["stage"])
            check(shown == count(stage["customers"], lang), f"{lang} funnel {stage['stage']} {shown} = {stage['customers']}")
    elif path == "/segments":
        for stage in report["segments"]["lifecycle"]:
            shown = figure(driver, "stage-" + stage["segment"])
            check(shown == count(stage["customers"], lang), f"{lang} stage {stage['segment']} {shown} = {stage['customers']}")
        for segment in report["segments"]["rfm"]:
            shown = figure(driver, "rfm-" + segment["segment"])
            check(shown == count(segment["customers"], lang), f"{lang} RFM {segment['segment']} {shown} = {segment['customers']}")
    elif path == "/cohorts":
        rows = driver.find_elements(By.CSS_SELECTOR, "table.cohorts tbody tr")
        check(len(rows) == min(24, len(report["cohorts"])), f"{lang} cohorts: one row per cohort ({len(rows)})")
        if rows and report["cohorts"]:
            newest = report["cohorts"][-1]
            cells = rows[0].find_elements(By.TAG_NAME, "td")
            check(cells[0].text == count(newest["customers"], lang), f"{lang} newest cohort size {cells[0].text}")
    elif path == "/feedback" and headline["nps"]:
        check(figure(driver, "feedback-nps") == score(headline["nps"]["score"], lang), f"{lang} feedback NPS")


if __name__ == "__main__":
    main()
