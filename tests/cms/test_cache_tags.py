"""cms.cache.tags.prune: a response keeps the tags that can drop it, and only those."""

from django.test import SimpleTestCase

from cms.cache.tags import prune

STORY, PARTNERSHIP = "stories.storypage", "cities.citypartnershippage"


class PruneTests(SimpleTestCase):
    def test_a_list_tag_covers_the_items_of_its_type(self):
        tags = {"all", "list:stories.storypage", "page:1", "page:2", "page:3", "obj:home.focusarea:4"}
        labels = {"page:1": STORY, "page:2": STORY, "page:3": PARTNERSHIP}
        self.assertEqual(prune(tags, labels), {"all", "list:stories.storypage", "page:3", "obj:home.focusarea:4"})

    def test_a_list_tag_covers_objects_of_its_model(self):
        tags = {"all", "list:home.focusarea", "obj:home.focusarea:4", "obj:wagtailimages.image:5"}
        self.assertEqual(prune(tags, {}), {"all", "list:home.focusarea", "obj:wagtailimages.image:5"})

    def test_a_list_tag_of_one_language_covers_nothing(self):
        # A story's change in French does not bump the English list: the English listing needs its items' tags.
        tags = {"all", "list:stories.storypage:en", "page:1"}
        self.assertEqual(prune(tags, {"page:1": STORY}), tags)

    def test_the_list_of_all_pages_covers_every_page(self):
        tags = {"all", "list:page", "page:1", "page:2", "obj:home.focusarea:4"}
        self.assertEqual(prune(tags, {"page:1": STORY, "page:2": None}), {"all", "list:page", "obj:home.focusarea:4"})

    def test_tags_of_unknown_type_and_other_tags_are_kept(self):
        # A page tag added by hand (the served page) has no recorded type; translation and tree tags are not items.
        tags = {"all", "list:stories.storypage", "page:1", "tkey:abc", "refs:abc:en", "tree:00010001"}
        self.assertEqual(prune(tags, {}), tags)
