"""What the sites wrap around a story, kit by kit: only data.

``Publisher.kits`` names the kits an outlet uses; ``page`` prints them.
"""

# Every line here must be one the reader removes: the generic rules in
# reading/boilerplate.py, or the outlet's own rules in data/outlets.toml.

_SHARE = (
    "Share",
    "Share this article",
    "Facebook Twitter Email",
    "Share | Tweet | Email",
    "Copy link",
    "WhatsApp Facebook Twitter Telegram",
    "Tweet Share Save",
)
_NEWSLETTERS = (
    (
        "Sign up for our free weekly newsletter",
        "Our weekly newsletter contains a hand-picked selection of news, features "
        "and analysis.",
        "Subscribers agree to the Privacy Policy",
    ),
    (
        "Sign up to our daily briefing newsletter",
        "By signing up, you agree to our privacy policy and terms of use.",
    ),
    ("Subscribe to our newsletter",),
    ("Get our newsletter", "Subscribe now"),
)
_DONATIONS = (
    ("Support {outlet}!",),
    ("Support our journalism", "Make a contribution", "Remind me later."),
    ("Donate now",),
    ("Become a supporter", "Not ready to support today?", "Remind me later."),
)
_AGENCY_CREDITS = (
    "(With inputs from agencies)",
    "(With input from Reuters)",
    "With inputs from AFP and AP.",
)
_READ_MORE = (
    "Read more: {title}",
    "Also read: {title}",
    "See also: {title}",
    "Watch: {title}",
)
_RELATED = (
    "Related topics",
    "More on this story",
    "You may also like",
    "Most read",
    "Trending now",
    "Recommended for you",
)
_RELATED_TOPICS = ("Politics", "World", "Economy", "Diplomacy", "Conflict")
_COPYRIGHTS = (
    "© {year} {outlet}",
    "Copyright {year} {outlet}. All rights reserved.",
    "(c) {year} {outlet}",
    "Copyright © {year} {outlet}",
)
_MOSCOW_TIMES_MESSAGE = (
    "A Message from The Moscow Times:",
    "Dear readers,",
    "Independent journalism is under pressure, and we need your help to keep "
    "reporting.",
    "Your support, no matter how small, makes a world of difference.",
    "Once\nMonthly\nAnnual\nContinue",
    "Not ready to support today?\nRemind me later.",
)
_REUTERS_STANDARDS = "Our Standards: The Thomson Reuters Trust Principles."
