"""Readers talk to the real bot over HTTP through the Bot API sandbox."""

from __future__ import annotations

import pytest

from tests.harness import ANNA, BEN, GROUP, OLENA, PIERRE, Harness, run_bot, visible


def test_start_picks_the_client_language_and_subscribes(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        (welcome,) = await bot.send(ANNA, "/start")
        assert "Willkommen" in visible(welcome) and "Deutsch" in visible(welcome)
        (welcome,) = await bot.send(OLENA, "/start")
        assert "Українська" in visible(welcome)
        (welcome,) = await bot.send(PIERRE, "/start")  # French client: the default language
        assert "Welcome" in visible(welcome) and "English" in visible(welcome)
        rows = await bot.rows(
            "SELECT chat_id, language, subscribed, chat_type FROM subscribers ORDER BY chat_id"
        )
        assert [tuple(r) for r in rows] == [
            (ANNA, "de", True, "private"),
            (OLENA, "uk", True, "private"),
            (PIERRE, "en", True, "private"),
        ]

    run_bot(database_url, scenario)


def test_start_with_a_language_payload(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        (welcome,) = await bot.send(BEN, "/start lang-ru")
        assert "Добро пожаловать" in visible(welcome)
        assert await bot.rows("SELECT language, language_chosen FROM subscribers") == [("ru", True)]

    run_bot(database_url, scenario)


def test_start_with_an_article_payload_shows_its_digest(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        article = await bot.ingest_sample()
        _welcome, digest = await bot.send(BEN, f"/start a{article}", expect=2)
        assert "Kasachstan" in visible(digest)
        assert "Key question" in visible(digest)

    run_bot(database_url, scenario)


def test_help_lists_the_commands_in_the_readers_language(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        (help_text,) = await bot.send(ANNA, "/help")
        assert "/digest" in visible(help_text) and "/forget" in visible(help_text)
        assert (
            "Die neueste" in visible(help_text)
            or "Überblick" in visible(help_text)
            or "Kurz" in visible(help_text)
        )
        assert "/ingest" not in visible(help_text)

    run_bot(database_url, scenario)


def test_subscribe_and_unsubscribe_and_stop(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.send(BEN, "/start")
        (reply,) = await bot.send(BEN, "/subscribe")
        assert "already subscribed" in visible(reply)
        (reply,) = await bot.send(BEN, "/unsubscribe")
        assert "Unsubscribed" in visible(reply)
        assert await bot.rows("SELECT subscribed FROM subscribers") == [(False,)]
        (reply,) = await bot.send(BEN, "/stop")
        assert "was not subscribed" in visible(reply)
        (reply,) = await bot.send(BEN, "/subscribe")
        assert visible(reply).startswith("Subscribed")
        assert await bot.rows("SELECT subscribed FROM subscribers") == [(True,)]

    run_bot(database_url, scenario)


def test_language_keyboard_and_direct_choice(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.send(BEN, "/start")
        (menu,) = await bot.send(BEN, "/language")
        labels = [b["text"] for row in menu["reply_markup"]["inline_keyboard"] for b in row]
        assert labels == ["✓ English", "Deutsch", "Українська", "Русский"]
        answer, _ = await bot.press(BEN, menu, "Українська", expect=0)
        assert "Українська" in answer["text"]
        assert await bot.rows("SELECT language FROM subscribers") == [("uk",)]
        (reply,) = await bot.send(BEN, "/language de")
        assert "Sprache: Deutsch" in visible(reply)
        assert await bot.rows("SELECT language FROM subscribers") == [("de",)]

    run_bot(database_url, scenario)


def test_unknown_language_code_gets_a_clear_answer(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.send(OLENA, "/start")
        (reply,) = await bot.send(OLENA, "/language xx")
        assert "«xx»" in visible(reply) or "“xx”" in visible(reply)
        assert "uk" in visible(reply)
        assert await bot.rows("SELECT language FROM subscribers") == [("uk",)]

    run_bot(database_url, scenario)


def test_digest_more_and_quote(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.ingest_sample()
        await bot.send(BEN, "/start")
        (digest,) = await bot.send(BEN, "/digest")
        assert len(visible(digest)) <= 700
        assert "Volksabstimmung" in visible(digest)
        labels = [b["text"] for row in digest["reply_markup"]["inline_keyboard"] for b in row]
        assert labels == ["More", "Quote"]
        pages = []
        for _ in range(4):
            pages += await bot.send(BEN, "/more")
        texts = [visible(p) for p in pages]
        assert "Part 1 of 4: Key question" in texts[0] and "Rosatom" in texts[0]
        assert "Part 2 of 4: Analysis" in texts[1] and "Macron" in texts[1]
        assert "Part 3 of 4: Background" in texts[2]
        assert "That is all on this article." in texts[3]
        assert pages[0]["reply_markup"] is not None and pages[3].get("reply_markup") is None
        (quote,) = await bot.send(BEN, "/quote")
        assert "Quote 1 of 1" in visible(quote) and "Tokajew" in visible(quote)
        (end,) = await bot.send(BEN, "/quote")
        assert "last quote" in visible(end)

    run_bot(database_url, scenario)


def test_buttons_under_the_digest(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.ingest_sample()
        await bot.send(ANNA, "/start")
        (digest,) = await bot.send(ANNA, "/digest")
        assert "Die Kernfrage" in visible(digest)
        answer, (page,) = await bot.press(ANNA, digest, "Mehr")
        assert answer is not None
        assert "Teil 1 von 4" in visible(page)
        answer, (page2,) = await bot.press(ANNA, page, "Mehr")
        assert "Teil 2 von 4" in visible(page2)
        answer, (quote,) = await bot.press(ANNA, digest, "Zitat")
        assert "Zitat 1 von 1" in visible(quote)

    run_bot(database_url, scenario)


def test_reply_to_a_digest_means_that_digest(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        first = await bot.ingest_sample()
        await bot.send(BEN, "/start")
        (old_digest,) = await bot.send(BEN, "/digest")
        async with bot.db.session() as session:
            from bot.storage.repository import Repository
            from digests import parse

            repo = Repository(session)
            stored, _ = await repo.add_article(
                parse(
                    "Second story\n\nThe lead of the second story is here.\n\nWhy it matters\n\n"
                    "Therefore the council votes on Friday about the new bridge."
                )
            )
            await repo.create_digest([stored.story_id])
        (new_digest,) = await bot.send(BEN, "/digest")
        assert "Second story" in visible(new_digest)
        (page,) = await bot.send(BEN, "/more", reply_to=old_digest["message_id"])
        assert "Kasachstan" in visible(page)
        (page,) = await bot.send(BEN, "/more")
        assert "Second story" in visible(page)
        assert first == 1

    run_bot(database_url, scenario)


def test_more_with_an_item_number_out_of_range_and_junk(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.ingest_sample()
        await bot.send(BEN, "/start")
        await bot.send(BEN, "/digest")
        (reply,) = await bot.send(BEN, "/more 5")
        assert "only 1 item" in visible(reply)
        (reply,) = await bot.send(BEN, "/quote abc")
        assert "/quote 2" in visible(reply)

    run_bot(database_url, scenario)


def test_digest_before_anything_was_published(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        (reply,) = await bot.send(OLENA, "/digest")
        assert "Ще немає" in visible(reply) or "немає" in visible(reply)
        (reply,) = await bot.send(OLENA, "/more")
        assert "немає" in visible(reply)

    run_bot(database_url, scenario)


def test_settings_show_and_toggle(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.send(BEN, "/start")
        (settings,) = await bot.send(BEN, "/settings")
        assert "Language: English" in visible(settings) and "subscribed" in visible(settings)
        answer, _ = await bot.press(BEN, settings, "Unsubscribe", expect=0)
        assert "Unsubscribed" in answer["text"]
        assert await bot.rows("SELECT subscribed FROM subscribers") == [(False,)]

    run_bot(database_url, scenario)


def test_forget_deletes_everything_about_the_chat(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.ingest_sample()
        await bot.send(BEN, "/start")
        await bot.send(BEN, "/digest")
        await bot.send(BEN, "/more")
        (reply,) = await bot.send(BEN, "/forget")
        assert "deleted" in visible(reply)
        for table in ("subscribers", "deliveries", "reading_positions"):
            assert await bot.rows(f"SELECT * FROM {table} WHERE chat_id = {BEN}") == []
        (reply,) = await bot.send(BEN, "/forget")
        assert "Nothing is stored" in visible(reply)

    run_bot(database_url, scenario)


def test_group_commands_need_a_group_administrator(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        (reply,) = await bot.send(BEN, "/subscribe@digest_sandbox_bot", chat_id=GROUP)
        assert "administrators" in visible(reply)
        assert await bot.rows("SELECT * FROM subscribers") == []
        (reply,) = await bot.send(ANNA, "/subscribe@digest_sandbox_bot", chat_id=GROUP)
        assert "Abonniert" in visible(reply) or "abonniert" in visible(reply)
        assert await bot.rows("SELECT chat_id, chat_type, subscribed FROM subscribers") == [
            (GROUP, "supergroup", True)
        ]
        (reply,) = await bot.send(BEN, "/unsubscribe", chat_id=GROUP)
        assert await bot.rows("SELECT subscribed FROM subscribers") == [(True,)]

    run_bot(database_url, scenario)


def test_flooding_reader_is_slowed_down_politely(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.send(BEN, "/start")
        after = bot.sandbox.last_seq
        for _ in range(8):
            bot.sandbox.send_text(BEN, "/help")
        replies = await bot.replies(BEN, after, 5, settle=0.5)
        texts = [visible(r) for r in replies]
        assert sum("Easy" in t for t in texts) == 1
        assert sum("Short digests" in t for t in texts) == 4  # 5 per minute, /start was one

    run_bot(database_url, scenario, commands_per_minute=5)


@pytest.mark.parametrize("language,code", [("de", "de"), ("uk", "uk"), ("ru", "ru"), ("en", "")])
def test_command_menus_per_language(database_url: str, language: str, code: str) -> None:
    async def scenario(bot: Harness) -> None:
        commands = bot.sandbox.commands_for(None, code)
        names = [c["command"] for c in commands]
        assert names[0] == "digest" and "forget" in names and "ingest" not in names
        editor = bot.sandbox.commands_for({"type": "chat", "chat_id": 1001}, code)
        assert "ingest" in [c["command"] for c in editor]

    run_bot(database_url, scenario)
