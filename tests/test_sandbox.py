"""The Bot API sandbox, exercised the way the bot uses it: python-telegram-bot over real HTTP."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
import telegram
from telegram import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    ReplyParameters,
    Update,
)
from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Keyboard
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, NetworkError, RetryAfter
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

from bot.sandbox import Faults, Limits, Sandbox

USER = 1001
OTHER = 1002
GROUP = -500


def run(scenario: Callable[[Sandbox, telegram.Bot], Awaitable[None]], **options: Any) -> Sandbox:
    """Run `scenario` against a fresh sandbox with one user, through a real Bot client."""

    async def main() -> Sandbox:
        async with Sandbox(**options) as sandbox, bot_for(sandbox) as bot:
            sandbox.add_user(USER, "Ann", "de", "ann")
            await scenario(sandbox, bot)
        assert sandbox.stats.internal_errors == []
        assert_no_tasks_left()
        return sandbox

    return asyncio.run(main())


def assert_no_tasks_left() -> None:
    assert asyncio.all_tasks() == {asyncio.current_task()}


@contextlib.asynccontextmanager
async def bot_for(sandbox: Sandbox) -> AsyncIterator[telegram.Bot]:
    bot = telegram.Bot(sandbox.token, base_url=sandbox.api_url, base_file_url=sandbox.file_url)
    async with bot:
        yield bot


def test_get_me_describes_the_sandbox_bot() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        me = await bot.get_me()
        assert (me.id, me.is_bot, me.first_name) == (100000, True, "Digest Sandbox")
        assert (me.username, me.can_join_groups) == ("digest_sandbox_bot", True)

    run(scenario)


def test_wrong_token_and_unknown_method_answer_like_telegram() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        async with httpx.AsyncClient() as client:
            wrong = await client.post(f"{sandbox.api_url}123:WRONG/getMe")
            unknown = await client.post(f"{sandbox.api_url}{sandbox.token}/getNothing")
        assert wrong.status_code == 401
        assert wrong.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        assert unknown.status_code == 404
        assert unknown.json() == {"ok": False, "error_code": 404, "description": "Not Found"}

    run(scenario)


def test_html_is_accepted_when_telegram_accepts_it() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        message = await bot.send_message(USER, "<b>Digest</b> &amp; more", parse_mode="HTML")
        assert message.text == "Digest & more"
        assert message.from_user is not None and message.from_user.id == 100000
        [record] = sandbox.sent(USER)
        assert (record["text"], record["parse_mode"]) == ("<b>Digest</b> &amp; more", "HTML")
        with pytest.raises(BadRequest, match="Can't parse entities"):
            await bot.send_message(USER, "<b>unclosed", parse_mode="HTML")
        with pytest.raises(BadRequest, match="Can't parse entities"):
            await bot.send_message(USER, "<div>no</div>", parse_mode="HTML")
        with pytest.raises(BadRequest, match="Message text is empty"):
            await bot.send_message(USER, "<b> </b>", parse_mode="HTML")
        assert len(sandbox.sent()) == 1

    run(scenario)


def test_text_over_4096_characters_after_parsing_is_rejected() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        await bot.send_message(USER, f"<b>{'a' * 4096}</b>", parse_mode="HTML")
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(USER, "a" * 4097)
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(USER, "😀" * 2049)  # UTF-16 counts each as two

    run(scenario)


def test_callback_data_over_64_bytes_is_rejected() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        fits = Keyboard([[Button("ok", callback_data="x" * 64)]])
        await bot.send_message(USER, "fits", reply_markup=fits)
        too_long = Keyboard([[Button("no", callback_data="ä" * 33)]])
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            await bot.send_message(USER, "too long", reply_markup=too_long)

    run(scenario)


def test_unknown_chat_is_not_found() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.send_message(424242, "hello")
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.get_chat("@nobody")

    run(scenario)


def test_a_user_who_blocked_the_bot_is_forbidden() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        sandbox.block_bot(USER)
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(USER, "anyone there?")
        [update] = await bot.get_updates()
        assert update.my_chat_member is not None
        assert update.my_chat_member.new_chat_member.status == "kicked"
        sandbox.unblock_bot(USER)
        await bot.send_message(USER, "welcome back")

    run(scenario)


def test_a_migrated_group_answers_with_the_new_chat_id() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        sandbox.add_group(GROUP, "Newsroom", admins={USER})
        await bot.send_message(GROUP, "before")
        sandbox.migrate_group(GROUP, -1001234)
        with pytest.raises(ChatMigrated) as caught:
            await bot.send_message(GROUP, "after")
        assert caught.value.new_chat_id == -1001234
        message = await bot.send_message(-1001234, "after")
        assert message.chat.type == "supergroup"
        updates = await bot.get_updates()
        services = [(u.message.migrate_to_chat_id, u.message.migrate_from_chat_id) for u in updates]
        assert services == [(-1001234, None), (None, GROUP)]

    run(scenario)


def test_flood_limits_answer_retry_after_when_enforced() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        for number in range(3):
            await bot.send_message(USER, f"burst {number}")
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(USER, "one too many")
        assert caught.value.retry_after >= timedelta(seconds=1)
        sandbox.enforce_limits = False
        await bot.send_message(USER, "limits off")

    run(scenario, enforce_limits=True, limits=Limits(private_burst=3))


def test_group_limit_is_twenty_a_minute() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        sandbox.add_group(GROUP, "Newsroom", members={USER})
        for number in range(20):
            await bot.send_message(GROUP, f"item {number}")
        with pytest.raises(RetryAfter):
            await bot.send_message(GROUP, "item 21")

    run(scenario, enforce_limits=True)


def test_get_updates_long_polls_and_confirms_with_offsets() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        assert await bot.get_updates(timeout=0) == ()
        loop = asyncio.get_running_loop()
        loop.call_later(0.2, sandbox.send_text, USER, "/digest@digest_sandbox_bot now")
        started = loop.time()
        [update] = await bot.get_updates(timeout=5)
        assert 0.1 < loop.time() - started < 2
        assert update.message is not None and update.message.text.startswith("/digest")
        assert update.message.entities[0].type == "bot_command"
        assert update.message.entities[0].length == len("/digest@digest_sandbox_bot")
        reply = await update.message.reply_text(
            "Pick one", reply_markup=Keyboard([[Button("More", callback_data="more:1")]])
        )
        query_id = sandbox.press_button(USER, reply.message_id, "more:1")
        again = await bot.get_updates(timeout=1)
        assert [u.update_id for u in again] == [update.update_id, update.update_id + 1]
        [press] = await bot.get_updates(offset=update.update_id + 1, timeout=1)
        assert press.callback_query is not None and press.callback_query.id == query_id
        assert press.callback_query.data == "more:1"
        await press.callback_query.answer("Loading")
        assert (await sandbox.wait_for_answer(query_id))["text"] == "Loading"
        with pytest.raises(BadRequest, match="Query is too old"):
            await press.callback_query.answer("twice")
        assert await bot.get_updates(offset=press.update_id + 1, timeout=0) == ()

    run(scenario)


def test_a_second_poller_ends_the_first_with_conflict() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        first = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.1)
        async with bot_for(sandbox) as second_instance:
            assert await second_instance.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await first

    run(scenario)


def test_editing_to_the_same_content_is_not_modified() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        keyboard = Keyboard([[Button("Next", callback_data="next")]])
        message = await bot.send_message(
            USER, "<b>Page 1</b>", parse_mode="HTML", reply_markup=keyboard
        )
        with pytest.raises(BadRequest, match="Message is not modified"):
            await message.edit_text("<b>Page 1</b>", parse_mode="HTML", reply_markup=keyboard)
        edited = await message.edit_text("<b>Page 2</b>", parse_mode="HTML", reply_markup=keyboard)
        assert edited.text == "Page 2" and edited.edit_date is not None
        await message.edit_reply_markup(None)
        [record] = sandbox.sent(USER)
        assert (record["text"], record["edit_count"], record["reply_markup"]) == (
            "<b>Page 2</b>",
            2,
            None,
        )
        assert await message.delete()
        with pytest.raises(BadRequest, match="Message to edit not found"):
            await message.edit_text("gone")
        with pytest.raises(BadRequest, match="Message to delete not found"):
            await message.delete()

    run(scenario)


def test_replies_chat_actions_and_waiting() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        question = sandbox.send_text(USER, "What happened?")
        answer = await bot.send_message(
            USER, "This.", reply_parameters=ReplyParameters(question["message_id"])
        )
        assert answer.reply_to_message is not None
        assert answer.reply_to_message.text == "What happened?"
        assert sandbox.sent(USER)[0]["reply_to_message_id"] == question["message_id"]
        with pytest.raises(BadRequest, match="Message to be replied not found"):
            await bot.send_message(USER, "to nothing", reply_to_message_id=999)
        assert await bot.send_chat_action(USER, "typing")
        with pytest.raises(BadRequest, match="Wrong parameter action"):
            await bot.send_chat_action(USER, "dancing")
        with pytest.raises(TimeoutError):
            await sandbox.wait_for_messages(USER, timeout=0.1)
        [queued] = await bot.get_updates(allowed_updates=["callback_query"])
        assert queued.message is not None  # queued before the filter was set
        sandbox.send_text(USER, "/more")
        assert sandbox.pending_updates == 1  # /more was filtered out when it was created

    run(scenario)


def test_an_injected_document_downloads_through_get_file() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        content = "Überschrift\nText".encode()
        sent = sandbox.send_document(USER, "artikel.txt", content, "text/plain", caption="/ingest")
        assert sent["document"]["file_size"] == len(content)
        [update] = await bot.get_updates()
        assert update.message is not None and update.message.document is not None
        file = await bot.get_file(update.message.document.file_id)
        assert file.file_size == len(content)
        assert bytes(await file.download_as_bytearray()) == content
        with pytest.raises(BadRequest, match="Invalid file_id"):
            await bot.get_file("no-such-file")
        copy = await bot.send_document(
            USER, b"%PDF-1.4", filename="digest.pdf", caption="<i>PDF</i>", parse_mode="HTML"
        )
        assert copy.document is not None and copy.caption == "PDF"
        stored = await bot.get_file(copy.document.file_id)
        assert bytes(await stored.download_as_bytearray()) == b"%PDF-1.4"

    run(scenario)


def test_chat_members_have_telegram_statuses() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        sandbox.add_user(OTHER, "Ben")
        sandbox.add_user(1003, "Cem")
        sandbox.add_group(GROUP, "Newsroom", owner=USER, admins={OTHER}, members={1003})
        statuses = [(await bot.get_chat_member(GROUP, u)).status for u in (USER, OTHER, 1003)]
        assert statuses == ["creator", "administrator", "member"]
        sandbox.add_user(1004, "Dan")
        assert (await bot.get_chat_member(GROUP, 1004)).status == "left"
        assert (await bot.get_chat_member(USER, USER)).status == "member"
        admins = await bot.get_chat_administrators(GROUP)
        assert [admin.user.id for admin in admins] == [USER, OTHER]
        with pytest.raises(BadRequest, match="User not found"):
            await bot.get_chat_member(GROUP, 999999)
        chat = await bot.get_chat(GROUP)
        assert (chat.title, chat.type) == ("Newsroom", "group")

    run(scenario)


def test_commands_are_stored_per_scope_and_language() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        await bot.set_my_commands([BotCommand("start", "Start")])
        await bot.set_my_commands(
            [BotCommand("more", "Mehr")],
            scope=BotCommandScopeAllPrivateChats(),
            language_code="de",
        )
        sandbox.add_group(GROUP, "Newsroom", members={USER})
        await bot.set_my_commands([BotCommand("quote", "Quote")], scope=BotCommandScopeChat(GROUP))
        assert sandbox.commands_for() == [{"command": "start", "description": "Start"}]
        assert sandbox.commands_for({"type": "all_private_chats"}, "de")[0]["command"] == "more"
        assert sandbox.commands_for({"type": "all_private_chats"}) == []
        assert len(sandbox.commands) == 3
        mine = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="de")
        assert [c.command for c in mine] == ["more"]
        await bot.delete_my_commands(scope=BotCommandScopeChat(GROUP))
        assert len(sandbox.commands) == 2
        with pytest.raises(BadRequest, match="Bot_command_invalid"):
            await bot.set_my_commands([BotCommand("Start-Now", "no")])

    run(scenario)


def test_group_bots_hear_only_commands_and_replies_in_privacy_mode() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        sandbox.add_group(GROUP, "Newsroom", members={USER})
        sandbox.send_text(USER, "just chatting", chat_id=GROUP)
        sandbox.send_text(USER, "/start@some_other_bot", chat_id=GROUP)
        sandbox.send_text(USER, "/start", chat_id=GROUP)
        posted = await bot.send_message(GROUP, "Digest")
        sandbox.send_text(USER, "thanks", chat_id=GROUP, reply_to_message_id=posted.message_id)
        texts = [u.message.text for u in await bot.get_updates() if u.message]
        assert texts == ["/start", "thanks"]
        sandbox.add_user(OTHER, "Ben")
        with pytest.raises(ValueError, match="may not"):
            sandbox.send_text(OTHER, "hi", chat_id=GROUP)

    run(scenario)


def test_faults_fail_send_message_on_purpose() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        sandbox.faults = Faults(server_error_rate=1.0, seed=1)
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(USER, "x")
        await bot.get_me()  # other methods are untouched
        sandbox.faults = Faults(retry_after_rate=1.0, retry_after=7)
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(USER, "x")
        assert caught.value.retry_after == timedelta(seconds=7)
        sandbox.faults = None
        await bot.send_message(USER, "x")
        assert sandbox.stats.responses[500] == 1 and sandbox.stats.responses[429] == 1

    run(scenario)


def test_parameters_arrive_as_json_query_string_or_form() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        url = f"{sandbox.api_url}{sandbox.token}"
        markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
        async with httpx.AsyncClient() as client:
            as_json = await client.post(
                f"{url}/sendMessage", json={"chat_id": USER, "text": "j", "reply_markup": markup}
            )
            as_query = await client.get(f"{url}/sendMessage", params={"chat_id": USER, "text": "q"})
            as_form = await client.post(
                f"{url}/sendMessage",
                data={"chat_id": str(USER), "text": "f", "reply_markup": json.dumps(markup)},
            )
            broken = await client.post(
                f"{url}/sendMessage", data={"chat_id": USER, "text": "b", "reply_markup": "{"}
            )
        assert as_json.json()["result"]["reply_markup"] == markup
        assert as_query.json()["result"]["text"] == "q"
        assert as_form.json()["result"]["reply_markup"] == markup
        assert broken.json()["description"] == (
            "Bad Request: can't parse reply keyboard markup JSON object"
        )

    run(scenario)


def test_control_api_round_trip() -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        control = sandbox.control_url
        async with httpx.AsyncClient() as client:
            user = await client.post(
                f"{control}/users", json={"user_id": OTHER, "first_name": "Ben"}
            )
            assert user.json()["result"]["first_name"] == "Ben"
            sent = await client.post(
                f"{control}/messages", json={"user_id": OTHER, "text": "/start"}
            )
            assert sent.json()["result"]["entities"][0]["type"] == "bot_command"
            document = await client.post(
                f"{control}/documents",
                json={
                    "user_id": OTHER,
                    "file_name": "a.txt",
                    "content": base64.b64encode(b"abc").decode(),
                    "mime_type": "text/plain",
                },
            )
            assert document.json()["result"]["document"]["file_size"] == 3
            updates = await bot.get_updates()
            assert [u.message.chat.id for u in updates if u.message] == [OTHER, OTHER]
            waiting = asyncio.create_task(
                client.get(f"{control}/sent", params={"chat_id": OTHER, "wait": 5})
            )
            await asyncio.sleep(0.05)
            await bot.send_message(OTHER, "Hello Ben")
            records = (await waiting).json()["result"]
            assert [r["text"] for r in records] == ["Hello Ben"]
            later = await client.get(f"{control}/sent", params={"after": records[-1]["seq"]})
            assert later.json()["result"] == []
            bad = await client.post(f"{control}/messages", json={"user_id": 77, "text": "hi"})
            assert bad.status_code == 400 and "unknown user" in bad.json()["description"]
            await client.post(f"{control}/block", json={"user_id": OTHER})
            stats = (await client.get(f"{control}/stats")).json()["result"]
        assert stats["requests"]["sendMessage"] == 1
        assert stats["responses"]["200"] >= 3
        with pytest.raises(Forbidden):
            await bot.send_message(OTHER, "blocked now")

    run(scenario)


def test_control_api_adds_users_in_bulk() -> None:
    """A list of users or a range of readers in one request, each then reachable by the bot."""

    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        control = sandbox.control_url
        async with httpx.AsyncClient() as client:
            listed = await client.post(
                f"{control}/users",
                json=[
                    {"user_id": 3001, "first_name": "Cleo", "language_code": "uk"},
                    {"user_id": 3002, "first_name": "Dan"},
                ],
            )
            assert listed.json()["result"] == {"added": 2}
            ranged = await client.post(
                f"{control}/users", json={"first_id": 5000, "count": 300, "language_code": "en"}
            )
            assert ranged.json()["result"] == {"added": 300}
            empty = await client.post(f"{control}/users", json={"first_id": 9000, "count": 0})
            assert empty.json()["result"] == {"added": 0}
            for body in ({"first_id": 1, "count": -1}, [{"user_id": 0, "first_name": "Bot"}], [1]):
                refused = await client.post(f"{control}/users", json=body)
                assert refused.status_code == 400, body
        assert sandbox.world.users[3001].language_code == "uk"
        assert sandbox.world.users[5299].first_name == "Reader 5299"
        assert 5300 not in sandbox.world.users and 9000 not in sandbox.world.users
        for chat in (3002, 5000, 5299):
            await bot.send_message(chat, "hello")
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.send_message(5300, "hello")
        assert [m["chat_id"] for m in sandbox.sent()] == [3002, 5000, 5299]

    run(scenario)


def test_the_token_never_reaches_the_log(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario(sandbox: Sandbox, bot: telegram.Bot) -> None:
        await bot.send_message(USER, "hi")
        with pytest.raises(BadRequest):
            await bot.send_message(USER, "")

    with (
        caplog.at_level(logging.DEBUG, logger="bot.sandbox"),
        caplog.at_level(logging.DEBUG, "aiohttp"),
    ):
        sandbox = run(scenario)
    assert caplog.records
    assert all(sandbox.token not in record.getMessage() for record in caplog.records)


def test_stop_ends_a_waiting_long_poll_promptly() -> None:
    async def main() -> None:
        sandbox = Sandbox()
        await sandbox.start()
        async with httpx.AsyncClient() as client:
            poll = asyncio.create_task(
                client.post(f"{sandbox.api_url}{sandbox.token}/getUpdates", data={"timeout": "30"})
            )
            await asyncio.sleep(0.1)
            loop = asyncio.get_running_loop()
            started = loop.time()
            await sandbox.stop()
            assert (await poll).json() == {"ok": True, "result": []}
            assert loop.time() - started < 2
        assert_no_tasks_left()

    asyncio.run(main())


def test_application_answers_start_over_polling() -> None:
    async def main() -> None:
        async with Sandbox() as sandbox:
            sandbox.add_user(USER, "Ann", "de")

            async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
                assert update.effective_message is not None
                await update.effective_message.reply_text("<b>hi</b>", parse_mode="HTML")

            app = (
                ApplicationBuilder()
                .token(sandbox.token)
                .base_url(sandbox.api_url)
                .base_file_url(sandbox.file_url)
                .build()
            )
            app.add_handler(CommandHandler("start", start))
            await app.initialize()
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            try:
                sandbox.send_text(USER, "/start")
                [reply] = await sandbox.wait_for_messages(USER, timeout=5)
            finally:
                await app.updater.stop()
                await app.stop()
                await app.shutdown()
            assert (reply["plain_text"], reply["parse_mode"]) == ("hi", "HTML")
            assert sandbox.pending_updates == 0  # the updater confirmed what it handled
            assert sandbox.stats.internal_errors == []
        assert_no_tasks_left()

    asyncio.run(main())
