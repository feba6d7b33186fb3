import asyncio
from tests.test_feeds import *  # noqa
from bot.feeds import poll_feed

def test_race(database_url, site):
    async def work(db):
        ids = await add_feeds(db, site.url("/atom.xml"), site.url("/rss.xml"), site.url("/etag.xml"))
        for _ in range(5):
            results = await asyncio.gather(*(poll_feed(db, i, timeout=2) for i in ids for _ in range(4)), return_exceptions=True)
            print([r if isinstance(r, Exception) else (r.article_ids, r.skipped, r.error) for r in results])
        print(await rows(db, "SELECT COUNT(*) FROM articles"), await rows(db, "SELECT feed_id, guid, article_id FROM feed_entries"))
    with_db(database_url, work)
