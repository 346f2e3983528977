"""The demo site's content, as plain data.

References to objects the command creates (images, snippets, pages) are written as `Ref`s and resolved to
database ids when the command builds each object, so this module stays free of queries and can be read as copy.
Facts about real cities and organisations are kept to what is well established; addresses of sites we do not
run are either the organisation's own well-known address or a placeholder on example.org.
"""

import datetime
from typing import NamedTuple

from .images import IMAGES


class Ref(NamedTuple):
    """A pointer to another demo object, by kind ("image", "page", "city"...) and the key it has in this module."""

    kind: str
    key: str


def image(key):
    return Ref("image", key)


def page(key):
    return Ref("page", key)


def call_to_action(key):
    return Ref("call_to_action", key)


def focus_area(key):
    return Ref("focus_area", key)


def city(key):
    return Ref("city", key)


def member_association(key):
    return Ref("member_association", key)


def partner_organisation(key):
    return Ref("partner_organisation", key)


# Stream blocks, in the raw form a StreamField accepts.

_ALT_TEXT = {demo_image.key: demo_image.description for demo_image in IMAGES}


def heading_block(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph_block(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def image_block(key, caption=""):
    return {
        "type": "image",
        "value": {"image": {"image": image(key), "decorative": False, "alt_text": _ALT_TEXT[key]}, "caption": caption},
    }


def quote_block(quote, attribution="", role=""):
    return {"type": "quote", "value": {"quote": quote, "attribution": attribution, "role": role}}


def call_to_action_block(key):
    return {"type": "call_to_action", "value": call_to_action(key)}


def featured_pages_block(heading, *page_keys):
    return {"type": "featured_pages", "value": {"heading": heading, "pages": [page(key) for key in page_keys]}}


def facts_block(heading, *facts):
    return {
        "type": "facts",
        "value": {"heading": heading, "facts": [{"figure": figure, "label": label} for figure, label in facts]},
    }


# Snippets.

FOCUS_AREAS = [
    {
        "slug": "trade",
        "name": "Economic development & trade",
        "description": "Trade missions, business partnerships and the exchange of know-how between local economies.",
    },
    {
        "slug": "arts-culture",
        "name": "Arts & culture",
        "description": "Music, festivals, exhibitions and the artists who travel between partner cities.",
    },
    {
        "slug": "youth-education",
        "name": "Youth & education",
        "description": "School and university exchanges, youth leadership and study tours.",
    },
    {
        "slug": "peace-diplomacy",
        "name": "Peace & diplomacy",
        "description": "Citizen diplomacy: the people-to-people ties that make peace between nations more likely.",
    },
]

CITIES = [
    {
        "key": "fort-lauderdale",
        "name": "Fort Lauderdale",
        "region": "Florida",
        "country": "US",
        "latitude": "26.122400",
        "longitude": "-80.137300",
    },
    {
        "key": "mataro",
        "name": "Mataró",
        "region": "Catalonia",
        "country": "ES",
        "latitude": "41.538100",
        "longitude": "2.444700",
    },
    {
        "key": "nashville",
        "name": "Nashville",
        "region": "Tennessee",
        "country": "US",
        "latitude": "36.162700",
        "longitude": "-86.781600",
    },
    {
        "key": "tamworth",
        "name": "Tamworth",
        "region": "New South Wales",
        "country": "AU",
        "latitude": "-31.092700",
        "longitude": "150.932000",
    },
    {
        "key": "anderson",
        "name": "Anderson",
        "region": "South Carolina",
        "country": "US",
        "latitude": "34.503400",
        "longitude": "-82.650100",
    },
    {
        "key": "carrickfergus",
        "name": "Carrickfergus",
        "region": "Northern Ireland",
        "country": "GB",
        "latitude": "54.715800",
        "longitude": "-5.805800",
    },
]

MEMBER_ASSOCIATIONS = [
    {
        "key": "anderson",
        "name": "Anderson Sister Cities Association",
        "city": city("anderson"),
        "website": "https://www.example.org/anderson-sister-cities",
    },
    {
        "key": "nashville",
        "name": "Sister Cities of Nashville",
        "city": city("nashville"),
        "website": "https://www.example.org/sister-cities-of-nashville",
    },
]

PARTNER_ORGANISATIONS = [
    {
        "key": "eu-delegation",
        "name": "Delegation of the European Union to the United States",
        "website": "https://www.eeas.europa.eu/delegations/united-states-america_en",
        "country": "US",
        "logo": image("logo-eu-delegation"),
    },
    {
        "key": "sister-cities-international",
        "name": "Sister Cities International",
        "website": "https://sistercities.org/",
        "country": "US",
        "logo": image("logo-sister-cities-international"),
    },
]

CALLS_TO_ACTION = [
    {
        "key": "take-action",
        "label": "Take action",
        "kind": "take_action",
        "description": "Join a campaign, host a visiting delegation or start a partnership in your own town.",
        "link_page": page("campaigns"),
    },
    {
        "key": "donate",
        "label": "Donate",
        "kind": "donate",
        "description": "Your gift pays for youth exchanges, training for citizen diplomats and the tools members use.",
        "link_url": "https://sistercities.org/donate/",
    },
]

# Pages. The home page's references to pages made after it are filled in once they exist.

HOME_PAGE = {
    "key": "home",
    "title": "Home",
    "slug": "home",
    "hero_heading": "Peace through people, one partnership at a time",
    "hero_intro": (
        "Twinning brings together the cities, towns and volunteers who keep sister-city partnerships alive: trade "
        "missions and harbour visits, songwriters' exchanges and study tours. Find a partnership near you, read what "
        "members have done, and join a campaign."
    ),
    "hero_image": image("home-hero"),
    "listing_summary": "Sister-city partnerships, the stories they produce and the campaigns that bring them together.",
    "featured_campaign": page("peace-through-people"),
    "featured_content": [page("fort-lauderdale-mataro"), page("nashville-tamworth"), page("bridging-generations")],
    "site_calls_to_action": [call_to_action("take-action"), call_to_action("donate")],
}

INDEX_PAGES = [
    {
        "key": "campaigns",
        "model": "home.CampaignIndexPage",
        "title": "Campaigns",
        "slug": "campaigns",
        "show_in_menus": True,
        "intro": (
            "Campaigns the network runs with its partners, online and in member cities. Those running now come "
            "first; the ones that have ended stay here as a record of what members did."
        ),
    },
    {
        "key": "stories",
        "model": "stories.StoryIndexPage",
        "title": "Stories",
        "slug": "stories",
        "show_in_menus": True,
        "intro": (
            "What members have done with their partnerships: trade missions, concerts, port tours and the "
            "friendships that come out of them. Written by members and staff, and sometimes first published "
            "elsewhere."
        ),
    },
    {
        "key": "partnerships",
        "model": "cities.PartnershipIndexPage",
        "title": "Partnerships",
        "slug": "partnerships",
        "show_in_menus": True,
        "intro": (
            "The partnerships between member cities and their sisters abroad. Filter by country or focus area to "
            "find one near you, or one working on what you care about."
        ),
    },
]

PARTNERSHIPS = [
    {
        "key": "fort-lauderdale-mataro",
        "title": "Fort Lauderdale – Mataró",
        "slug": "fort-lauderdale-mataro",
        "city_a": city("fort-lauderdale"),
        "city_b": city("mataro"),
        "relationship_type": "sister_city",
        "status": "active",
        "intro": (
            "Two harbour cities, one on Florida's Atlantic coast and one on the Catalan Mediterranean, whose "
            "partnership is built on the boats they repair, service and berth."
        ),
        "hero_image": image("mataro-marina"),
        "seo_title": "Fort Lauderdale and Mataró: a sister-city partnership built on boats",
        "search_description": (
            "How Fort Lauderdale, Florida, and Mataró, Catalonia, share marine know-how, visits and students."
        ),
        "listing_summary": "Two harbour cities, an ocean apart, linked by the yachts they look after.",
        "focus_areas": [focus_area("trade")],
        "member_associations": [],
        "body": [
            heading_block("Built on marine industries"),
            paragraph_block(
                "Fort Lauderdale likes to call itself the yachting capital of the world, and its waterways back the "
                "claim: boatyards, marine engineers, riggers and upholsterers make a living from repairing and "
                "servicing yachts, many of which cross the Atlantic every year.",
                "Mataró, on the Maresme coast north of Barcelona, has turned its marina into the heart of a seafront "
                "that once belonged to textile mills. Its moorings, dry docks and the businesses around them serve "
                "the same kind of boats, on the other side of the ocean.",
            ),
            image_block("mataro-marina", "The marina is where Mataró's partnership with Fort Lauderdale began."),
            paragraph_block(
                "The two cities found each other through that shared trade. A yacht that winters in Florida often "
                "spends its summer in the Mediterranean, and the people who look after it on each side have much "
                "to learn from one another: how to train young technicians, how to run a marina that welcomes "
                "visiting crews, how to keep a working waterfront alive next to homes and hotels.",
                "Today the partnership brings together boatyards, marinas, schools and the two city halls. Members "
                "exchange visits, introduce businesses to their counterparts and welcome each other's students.",
            ),
            image_block("fort-lauderdale-yachts", "Repair and servicing yards line Fort Lauderdale's waterways."),
            facts_block(
                "The partnership at a glance",
                ("2", "harbour cities, one on each side of the Atlantic"),
                ("Yachts", "repaired and serviced in Fort Lauderdale"),
                ("Marina", "at the heart of Mataró's seafront"),
                ("1", "trade mission that set new business afloat"),
            ),
            call_to_action_block("take-action"),
        ],
    },
    {
        "key": "nashville-tamworth",
        "title": "Nashville – Tamworth",
        "slug": "nashville-tamworth",
        "city_a": city("nashville"),
        "city_b": city("tamworth"),
        "relationship_type": "sister_city",
        "status": "active",
        "intro": (
            "Music City, Tennessee, and the country-music capital of Australia: two towns that share a sound and "
            "trade songwriters the way harbour towns trade ships."
        ),
        "hero_image": image("nashville-guitar"),
        "focus_areas": [focus_area("arts-culture"), focus_area("youth-education")],
        "member_associations": [member_association("nashville")],
        "body": [
            heading_block("Two country-music capitals"),
            paragraph_block(
                "Nashville earned its nickname, Music City, on the radio, in its recording studios and on the stage "
                "of the Grand Ole Opry. Country music is its best-known export, and its songwriters' rooms draw "
                "writers from all over the world.",
                "Tamworth, in the New England region of New South Wales, is to Australian country music what "
                "Nashville is to America's. Every January its Country Music Festival fills the town with buskers, "
                "bands and fans, and the Golden Guitar awards are the genre's highest honour in Australia.",
            ),
            image_block("nashville-guitar", "Nashville: where a song can start in a bar and end up on the radio."),
            paragraph_block(
                "The partnership pairs the two towns' musicians, venues and schools. Writers travel to co-write "
                "with their counterparts, young performers get a stage on the other side of the Pacific, and "
                "each town's festival season brings visitors from the other.",
            ),
            image_block("tamworth-golden-guitar", "Tamworth's golden guitar, the town's best-known landmark."),
            facts_block(
                "The partnership at a glance",
                ("2", "country-music capitals"),
                ("January", "when Tamworth's Country Music Festival takes over the town"),
                ("Music City", "Nashville's nickname, earned over a century of songs"),
            ),
            call_to_action_block("donate"),
        ],
    },
    {
        "key": "anderson-carrickfergus",
        "title": "Anderson – Carrickfergus",
        "slug": "anderson-carrickfergus",
        "city_a": city("anderson"),
        "city_b": city("carrickfergus"),
        "relationship_type": "sister_city",
        "status": "active",
        "year_established": 2009,
        "intro": (
            "An upstate South Carolina city and a harbour town on Belfast Lough: both grew up around textile mills, "
            "and both are working out what comes next."
        ),
        "hero_image": image("carrickfergus-castle"),
        "focus_areas": [focus_area("trade"), focus_area("youth-education")],
        "member_associations": [member_association("anderson")],
        "body": [
            heading_block("Two mill towns, an ocean apart"),
            paragraph_block(
                "Anderson and Carrickfergus have more in common than their size. Each was shaped by the textile "
                "industry and each has had to find new work as the mills closed. Carrickfergus draws visitors to "
                "the Norman castle on its waterfront; Anderson to Lake Hartwell.",
                "The two towns signed their agreement in two halves: Carrickfergus's delegation signed in Anderson, "
                "and Anderson's in Carrickfergus the following year.",
            ),
            image_block("carrickfergus-castle", "Carrickfergus Castle stands on the shore of Belfast Lough."),
            paragraph_block(
                "The Anderson Sister Cities Association brings together the city, the county, the university and "
                "the chamber of commerce. Its members compare how each town helps small businesses grow, and its "
                "schools and sports clubs look for partners on the other side of the ocean.",
            ),
            featured_pages_block("More partnerships", "fort-lauderdale-mataro", "nashville-tamworth"),
            call_to_action_block("take-action"),
        ],
    },
]

CAMPAIGNS = [
    {
        "key": "peace-through-people",
        "title": "Peace through people: sixty years of sister cities",
        "slug": "peace-through-people",
        "hashtag": "",
        # Sister Cities International marked its sixtieth anniversary on 12 September 2016. The campaign is an
        # open invitation, so it has no end date and always shows as running.
        "start_date": datetime.date(2016, 9, 12),
        "end_date": None,
        "intro": (
            "In 1956 President Eisenhower asked ordinary citizens to do what governments could not: get to know "
            "one another. Sixty years on, the network marks the anniversary with a standing invitation to take part."
        ),
        "hero_image": image("peace-through-people"),
        "partner_organisations": [partner_organisation("sister-cities-international")],
        "calls_to_action": [call_to_action("take-action"), call_to_action("donate")],
        "body": [
            heading_block("Sixty years of citizen diplomacy"),
            paragraph_block(
                "Sister Cities International grew out of a White House conference on citizen diplomacy in 1956. "
                "The idea was that friendships between people, kept up over years, would make war between their "
                "countries harder to imagine. Six decades later, thousands of volunteers keep partnerships alive in "
                "cities on every inhabited continent.",
            ),
            quote_block(
                "I have long believed, as have many before me, that peaceful relations between nations requires "
                "understanding and mutual respect between individuals.",
                "Dwight D. Eisenhower",
                "President of the United States, 1953–1961",
            ),
            image_block("peace-through-people", "Peace through people: the network's motto for sixty years."),
            heading_block("How to take part"),
            paragraph_block(
                "There is no single way to mark the anniversary. Host a visiting delegation for a weekend. Join "
                "your local association, or start one if your town has none. Put a teacher in touch with a school "
                "in your sister city. Tell us your partnership's story so that others can learn from it.",
                "Whatever you choose, you will be doing what the first citizen diplomats did: making a friend "
                "somewhere else, and keeping in touch.",
            ),
            facts_block(
                "Sixty years in three numbers",
                ("1956", "the year Sister Cities International was founded"),
                ("2016", "the network's sixtieth anniversary"),
                ("60", "years of peace through people"),
            ),
            call_to_action_block("take-action"),
            featured_pages_block(
                "Partnerships to learn from", "fort-lauderdale-mataro", "nashville-tamworth", "anderson-carrickfergus"
            ),
            call_to_action_block("donate"),
        ],
    },
    {
        "key": "sister-city-sunday",
        "title": "#SisterCitySunday",
        "slug": "sister-city-sunday",
        "hashtag": "#SisterCitySunday",
        "start_date": datetime.date(2016, 10, 2),
        "end_date": datetime.date(2016, 10, 30),
        "intro": (
            "An online campaign by the Delegation of the European Union to the United States and Sister Cities "
            "International, on the part people-to-people ties play in building peace."
        ),
        "hero_image": image("sister-city-sunday"),
        "seo_title": "#SisterCitySunday: sister-city stories from both sides of the Atlantic",
        "search_description": (
            "The 2016 online campaign by the EU Delegation to the United States and Sister Cities International."
        ),
        "listing_summary": "One hashtag, many friendships: the stories behind Europe's and America's sister cities.",
        "partner_organisations": [
            partner_organisation("eu-delegation"),
            partner_organisation("sister-cities-international"),
        ],
        "calls_to_action": [call_to_action("take-action")],
        "body": [
            heading_block("Why a hashtag"),
            paragraph_block(
                "Peace between countries is usually told as a story of treaties and summits. #SisterCitySunday "
                "told another one: of the exchange students, the mayors, the musicians and the business owners "
                "whose friendships across the Atlantic have lasted longer than many governments.",
                "From Sunday 2 October 2016, the campaign invited members on both sides of the ocean to share "
                "those stories online, with one hashtag, so that they could be seen together for once.",
            ),
            image_block("sister-city-sunday", "#SisterCitySunday began on 2 October 2016."),
            heading_block("Who ran it"),
            paragraph_block(
                "The campaign was a partnership between the Delegation of the European Union to the United States "
                "and Sister Cities International. Many American cities have a sister in a European Union country, "
                "and the campaign set out to show what those ties have built.",
            ),
            featured_pages_block(
                "Partnerships across the Atlantic", "fort-lauderdale-mataro", "anderson-carrickfergus"
            ),
            call_to_action_block("take-action"),
        ],
    },
]

HUFFPOST_URL = (
    "https://www.huffpost.com/entry/bridging-generations-for-peace-a-passage-for-the-future-of-diplomacy_b_12230000"
)

STORIES = [
    {
        "key": "fort-lauderdale-mataro-trade-mission",
        "title": "How a trade mission to Mataró set new business afloat",
        "slug": "fort-lauderdale-mataro-trade-mission",
        "date": datetime.date(2016, 4, 18),
        "contributor_name": "",
        "contributor_role": "",
        "original_url": "",
        "intro": (
            "Marine businesses from Fort Lauderdale crossed the Atlantic to meet their counterparts in Mataró. "
            "They came home with more than business cards."
        ),
        "hero_image": image("trade-mission"),
        "seo_title": "A Fort Lauderdale trade mission to Mataró",
        "search_description": "Marine businesses from Fort Lauderdale visit Mataró's marina and come home with plans.",
        "listing_summary": "Boatyards, a sailmaker and a marine engineer cross the Atlantic, and business follows.",
        "focus_areas": [focus_area("trade")],
        "related_partnerships": [page("fort-lauderdale-mataro")],
        "related_campaign": None,
        "body": [
            paragraph_block(
                "The delegation was small: boatyard owners, a marine engineer, a sailmaker and people from the "
                "city's economic development office. Their hosts in Mataró walked them along the marina, through "
                "the dry docks and into the workshops where the yachts that summer in the Mediterranean are kept "
                "in shape.",
            ),
            image_block("trade-mission", "The mission followed the route many yachts take every year."),
            heading_block("From visits to business"),
            paragraph_block(
                "What started as courtesy visits turned into a list of plans. Yards on each side agreed to refer "
                "yachts to one another as they cross the ocean with the seasons. Two businesses began talking about "
                "a joint stand at boat shows in Europe and the United States. And the marine-trades schools in both "
                "cities looked at how their apprentices might spend a season on the other side.",
                "None of it needed a treaty or a large budget. It needed people who already knew each other, and "
                "a partnership that gave them a reason to meet.",
            ),
            image_block("fort-lauderdale-yachts", "Back home in Fort Lauderdale, the referrals began to arrive."),
            facts_block(
                "The mission in brief",
                ("1", "week in Mataró"),
                ("3", "new initiatives between the two waterfronts"),
            ),
            call_to_action_block("take-action"),
        ],
    },
    {
        "key": "nashville-tamworth-songwriters",
        "title": "Songs across the Pacific: Nashville and Tamworth write together",
        "slug": "nashville-tamworth-songwriters",
        "date": datetime.date(2016, 2, 8),
        "contributor_name": "",
        "contributor_role": "",
        "original_url": "",
        "intro": (
            "Two country-music capitals, fifteen thousand kilometres apart, have found the simplest way to keep a "
            "partnership alive: sit their songwriters down in the same room."
        ),
        "hero_image": image("tamworth-golden-guitar"),
        "focus_areas": [focus_area("arts-culture"), focus_area("youth-education")],
        "related_partnerships": [page("nashville-tamworth")],
        "related_campaign": None,
        "body": [
            paragraph_block(
                "January in Tamworth means the Country Music Festival, and the town's population seems to double "
                "overnight. This year a group of writers from Nashville joined the crowd, not to perform but to "
                "write: a week of co-writing sessions with Australian songwriters, ending in a showcase of the "
                "songs they had made together.",
            ),
            image_block("tamworth-golden-guitar", "Festival time in Tamworth, under the golden guitar."),
            heading_block("The next generation"),
            paragraph_block(
                "The exchange is not only for professionals. Music students from each city take part in "
                "workshops, and the best of them are invited to play on the other side of the Pacific. For many "
                "it is their first time abroad, and their first audience that has never heard of them.",
            ),
            image_block("nashville-guitar", "In the autumn, Tamworth's writers return the visit to Nashville."),
            call_to_action_block("donate"),
        ],
    },
    {
        "key": "anderson-ports-tour",
        "title": "Anderson's ports tour shows what trade means at home",
        "slug": "anderson-ports-tour",
        "date": datetime.date(2016, 7, 14),
        "contributor_name": "",
        "contributor_role": "",
        "original_url": "",
        "intro": (
            "The Anderson Sister Cities Association took members and newcomers to see the ports that carry South "
            "Carolina's imports and exports, and signed up new members along the way."
        ),
        "hero_image": image("anderson-ports"),
        "focus_areas": [focus_area("trade")],
        "related_partnerships": [page("anderson-carrickfergus")],
        "related_campaign": None,
        "body": [
            paragraph_block(
                "Most people in Anderson use something made abroad every day, and many work for a company that "
                "sells overseas. Few have seen how the goods actually come and go. The Anderson Sister Cities "
                "Association decided to show them.",
            ),
            heading_block("A day among the cranes"),
            paragraph_block(
                "The association organised a tour of the state's ports for its members and anyone curious enough "
                "to come along. The group watched containers lifted from ship to quay, heard how a shipment is "
                "tracked from a factory upstate to a customer across the ocean, and asked the port's staff which "
                "local products travel furthest.",
            ),
            image_block("anderson-ports", "Container cranes at work: the imports and exports behind local jobs."),
            paragraph_block(
                "The point was not only to admire the machinery. Imports and exports are what connect a town like "
                "Anderson to the rest of the world, and an international partnership makes more sense once you "
                "have seen that connection with your own eyes.",
            ),
            heading_block("New members"),
            paragraph_block(
                "The tour doubled as an invitation. Visitors who had never heard of sister cities left with an "
                "idea of what the association does, from its partnership with Carrickfergus to its work with local "
                "businesses, and several joined on the bus home.",
            ),
            call_to_action_block("take-action"),
        ],
    },
    {
        "key": "bridging-generations",
        "title": "Bridging Generations for Peace, a Passage for the Future of Diplomacy",
        "slug": "bridging-generations-for-peace",
        "date": datetime.date(2016, 9, 28),
        "contributor_name": "Joshua W. Walker",
        "contributor_role": "Board member",
        "original_url": HUFFPOST_URL,
        "intro": (
            "Sixty years after Eisenhower's call for citizen diplomacy, a member of our board writes about handing "
            "the work on to a new generation."
        ),
        "hero_image": image("bridging-generations"),
        "focus_areas": [focus_area("peace-diplomacy"), focus_area("youth-education")],
        "related_partnerships": [],
        "related_campaign": page("peace-through-people"),
        "body": [
            paragraph_block(
                "This post by Joshua W. Walker, a member of the board of Sister Cities International, was first "
                "published on HuffPost. We introduce it here in our own words; the full text is on HuffPost.",
            ),
            heading_block("Why it matters"),
            paragraph_block(
                "The volunteers who built the sister-city movement have kept partnerships going for decades. "
                "Their friendships outlasted governments and, in some cases, outlasted the tensions between their "
                "countries. The question the anniversary raises is who will carry that work forward.",
                "Young people have never been better connected across borders, yet a message is not the same as "
                "a visit, and a follower is not the same as a friend. Exchanges, shared projects and time spent in "
                "each other's homes are what turn a connection into trust.",
            ),
            image_block("bridging-generations", "Diplomacy as a passage from one generation to the next."),
            paragraph_block(
                "That is why the network puts youth exchanges and leadership programmes at the centre of its "
                "sixtieth anniversary: the next sixty years depend on them.",
                f'Read the full post <a href="{HUFFPOST_URL}">on HuffPost</a>.',
            ),
            call_to_action_block("take-action"),
        ],
    },
]
