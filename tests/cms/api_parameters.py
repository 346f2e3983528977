"""The query parameters API v2's page endpoints know, shared by the hostile-input table and the fuzzing."""

# What every page listing takes.
V2_PAGE_PARAMETERS = [
    "limit",
    "offset",
    "fields",
    "order",
    "search",
    "search_operator",
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "fallback",
    "site",
    "title",
    "slug",
    "show_in_menus",
    "id",
    "rich_text_format",
]

# The filters a page type adds (with ?type= naming it).
V2_PAGE_TYPE_FILTERS = {
    "stories.StoryPage": ["date", "focus_area", "country", "partnership", "campaign", "related_campaign"],
    "home.CampaignPage": ["status", "running_from", "running_until", "start_date", "end_date"],
    "cities.CityPartnershipPage": ["status", "relationship_type", "year_established", "country", "focus_area"],
}
