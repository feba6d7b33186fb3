"""English."""

from digests.languages import Language

LANGUAGE = Language(
    code="en",
    abbreviations=frozenset(
        "mr mrs ms dr prof st jr sr vs etc inc ltd co corp gen gov sen rep lt col capt sgt no "
        "approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft pp vol "
        "rev hon messrs adm maj".split()
    ),
    closing_abbreviations=("etc",),
    months=frozenset(
        "january february march april may june july august september october november "
        "december".split()
    ),
    weekdays=frozenset("monday tuesday wednesday thursday friday saturday sunday".split()),
    function_words=frozenset(
        "the a an and or but nor of to in on at by for with from as into onto about over under "
        "after before between through during without within is are was were be been being has "
        "have had do does did will would shall should can could may might must it its this that "
        "these those he she they we you i his her their our your my him them us me who whom "
        "whose which what when where why how not no so than too very also just only more most "
        "some any all each both other such there here then now said says one two three new "
        "year years up out if every each much many few less least lot way got get make made "
        "even well back still yet".split()
    ),
    leaning_openers=frozenset(
        "this these that those it he she they his her their its also but and or yet however "
        "meanwhile still instead moreover furthermore besides then there here such so thus "
        "therefore hence likewise similarly among including afterwards later others which "
        # A part of what the sentence before named: "Especially vegetables have few calories".
        "especially particularly "
        # An answer to a question the digest does not show: "Yes, we will …".
        "yes exactly absolutely".split()
    ),
    leaning_inside=frozenset(
        "earlier previously afterwards "
        "however though also too instead "
        "meanwhile therefore thus hence likewise nevertheless".split()
    ),
    expletive=(
        r"it(?:'s|’s| is| was| will be| would be| has been| had been| remains| remained| seems"
        r"| seemed| appears| appeared)(?: not)?(?: a| an| the)?(?: \w+)?"
        r" (?:clear|unclear|likely|unlikely|possible|impossible|important|necessary|difficult"
        r"|hard|easy|challenging|expected|believed|thought|known|understood|estimated|reported"
        r"|feared|hoped|time|first|last|task|challenge|question|matter)\b"
        r"|it (?:takes|took|remains to be seen)\b"
    ),
    pointing_phrases=frozenset(
        (
            "here's how",
            "here is how",
            "here's what",
            "here is what",
            "here's why",
            "here is why",
            "here are the",
            "here's the",
            "read on",
        )
    ),
    leaning_phrases=frozenset(
        (
            "for example",
            "shortly afterwards",
            "soon afterwards",
            "shortly thereafter",
            "soon thereafter",
            "shortly after,",
            "soon after,",
            "days later",
            "weeks later",
            "months later",
            "years later",
            "a day later",
            "a week later",
            "a year later",
            "for instance",
            "in other words",
            "after all",
            "on the other hand",
            "in addition",
            "as a result",
            "at the same time",
            "for this reason",
            "for that reason",
            "that is why",
            "this is why",
            "in this case",
            "as mentioned",
            "as noted",
            "as i said",
            "as discussed",
            "the answer",
        )
    ),
    conclusion_headings=frozenset(
        (
            "conclusion",
            "conclusions",
            "verdict",
            "the verdict",
            "our verdict",
            "final verdict",
            "wrap up",
            "wrap-up",
            "the bottom line",
            "bottom line",
            "summary",
            "in summary",
            "the takeaway",
            "takeaway",
            "final thoughts",
        )
    ),
    conviction=(
        r"\bi(?: am|'m|’m) (?:firmly |deeply |absolutely )?convinced\b"
        r"|\bi (?:firmly |strongly )believe\b"
    ),
    contrast_openers=frozenset("but however yet still".split()),
    conclusion_openers=frozenset(
        (
            "therefore",
            "thus",
            "hence",
            "consequently",
            "ultimately",
            "so",
            "as a result",
            "in the end",
        )
    ),
    not_conclusions=frozenset(
        (
            "so far",
            "so-called",
            "so much",
            "so many",
            "so long",
            "so that",
            "so too",
            "so does",
            "so do",
            "so did",
            "so is",
            "so was",
            "so it",
            "so are",
        )
    ),
    decision_stems=(
        "decid",
        "decision",
        "vote",
        "voting",
        "referend",
        "ballot",
        "deadline",
        "ruling",
        "verdict",
        "approv",
        "ban",
        "elect",
    ),
    referring_words=frozenset(
        "such "
        "he she it they him her them "
        "his its their this these those there then aforementioned".split()
    ),
    demonstratives=frozenset(
        "this these those there then such aforementioned".split()
    ),
    time_words=frozenset(
        "year week month day morning evening afternoon weekend summer winter spring autumn fall "
        "season time".split()
    ),
    second_person=frozenset("you your yours You Your".split()),
    first_person=frozenset("i me my we us our".split()),
    interview_words=("interview", "q&a"),
    question_labels=frozenset("question q".split()),
    answer_labels=frozenset("answer a".split()),
    courtesies=("thank you for", "thanks for talking", "thanks for joining", "thanks for your"),
    clause_openers=frozenset(
        "but while whereas which who although though because yet after before since when as".split()
    ),
    speech_verbs=frozenset(
        "said says told tells added adds stressed stresses noted notes explained explains wrote "
        "writes warned warns argued argues insisted insists claimed claims declared declares "
        "stated states replied replies asked asks admitted admits announced announces promised "
        "promises conceded concedes countered recalled recalls".split()
    ),
    source_markers=("according to",),
    role_groups={
        "head_of_state": ("president",),
        "government": ("chancellor", "premier", "prime minister"),
        "minister": ("minister", "secretary"),
        "mayor": ("mayor",),
        "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
        "expert": ("expert", "analyst", "economist", "researcher", "scientist", "professor"),
        "journalist": ("journalist", "reporter", "editor"),
        "official": (
            "chief",
            "head",
            "director",
            "chair",
            "governor",
            "official",
            "lawmaker",
            "senator",
            "ambassador",
            "general",
            "commander",
            "adviser",
            "advisor",
            "officer",
            "police",
            "politician",
            "superintendent",
            "principal",
        ),
    },
    pronouns=frozenset("he she they".split()),
    titles=frozenset("dr prof mr mrs ms mx sir dame".split()),
    determiners=frozenset("the a an".split()),
    copulas=frozenset("is are".split()),
    credit_labels=(
        "photo",
        "photos",
        "photograph",
        "image",
        "images",
        "picture",
        "credit",
        "source",
        "illustration",
        "video",
        "screenshot",
        "graphic",
        "photo credit",
    ),
    byline_words=(
        "by",
        "written by",
        "reporting by",
        "words by",
        "posted by",
        "author",
        "story by",
        "interview by",
    ),
    dateline_words=(
        "updated",
        "last updated",
        "published",
        "posted",
        "first published",
        "ago",
        "hours",
        "hour",
        "minutes",
        "minute",
        "min",
        "read",
        "edt",
        "gmt",
        "bst",
        "utc",
        "cet",
        "pst",
        "pdt",
    ),
    furniture=(
        r"(read also|read more|read next|see also|more on this( story)?|continue reading)\b.*",
        r"(related|related articles?|related stories|related content|recommended"
        r"|you may also like|you might also like|more from \w+( \w+)?|top stories"
        r"|editor'?s picks|trending( now)?|most read|most popular)\s?(:.*)?",
        r"(share( this( article| story| post)?)?|share on \w+|share full article|tweet|email"
        r"|print|copy link|save|bookmark)[.!:]?",
        r"(follow us|subscribe to|sign up for|sign up|join us on|log in)\b.{0,80}",
        r"(advertisement|sponsored|skip advertisement|supported by|ad feedback|newsletter)[.:]?",
        r"(©|\(c\)|copyright)\s.*",
        r"(tags|topics|filed under)\s?:.*",
        r"(our standards|the thomson reuters trust principles|editorial standards)\b.*",
        r"(image|media|video) (caption|source)\b.*",
        r"(listen to (this )?article|listen|play video|watch video)( \(?\d+:\d+\)?)?",
        r"(watch|video|audio|gallery|photos|podcast)\s?:.*",
        r"(close|next|previous|back|home|view gallery|enlarge this image|toggle caption"
        r"|hide caption|expand|collapse|skip to content|menu|search)[.!]?",
        r"(click here|download the \w+ app|get the \w+ app)\b.*",
        r"(reporting by|additional reporting by|editing by|compiled by)\b.*",
        # the wire's credit line: "Contributing: Liz Szabo, Michael Winter, Associated Press."
        r"(contributing|contributors?)( to this (report|story|article))?\s?:.*",
        r"(report an error|corrections?|contact us|about us)[.:]?",
        # An editor's correction notice: "Correction 8/29/10 7:05 a.m. PDT: A previous
        # version of this story misstated …".
        r"(correction|clarification|editor['’]s note)\b[^:]{0,40}:.*",
        r"(skip to (main )?content|main content|main menu|navigation|contents|table of contents"
        r"|in this article|quick links)\s?:?",
    ),
    furniture_anywhere=(
        "we use cookies",
        "was reviewed using",
        "were reviewed using",
        "review code provided by",
        "review copy provided by",
        "review unit provided by",
        "review sample provided by",
        "provided a review copy",
        "provided a review unit",
        "this site uses cookies",
        "this website uses cookies",
        "accept cookies",
        "accept all cookies",
        "cookie policy",
        "all rights reserved",
        "to view the full story",
        "to read the full story",
        "to view the full article",
        "to read the full article",
        "already a subscriber",
        "subscribe now",
        "for the full story",
        "unlimited digital access",
        "support our journalism",
        "is only available to subscribers",
        "is available to subscribers",
        "is for subscribers",
        "download the app",
        "preview of subscription content",
        "log in to check access",
        "join now or renew",
        "first-time subscribers",
        "become a member",
        "click here",
        # a photo caption set as a paragraph: "(left)", "from left to right"
        "(left)",
        "(right)",
        "(centre)",
        "(center)",
        "(from left)",
        "(pictured)",
        "from left to right",
        "(l-r)",
    ),
    footer=(
        r"(leave a reply|leave a comment|post a comment|add a comment|cancel reply|join the "
        r"conversation)\b.*",
        r"your email address will not be published.*",
        r"(comments|comment)\s?(\(?\d+\)?)?:?",
        r"(about the author|more stories|related posts|you may have missed)\b.*",
        r"(cite this article|press contact|media contact)\s?:?",
        # A reader's comment signed to the minute: "Posted by: Florida CPA, 27 Sep 2011 | 15:22".
        r"posted by:? .{1,80}\d{4},? (\| |at )?\d{1,2}:\d{2}( ?[ap]m)?",
        # A paywall: the rest of the page sells a subscription.
        r"(to (view|read|continue reading) the (full|rest of the) (story|article)|subscribe "
        r"(now )?(to|for) .{0,60}(full story|full article|continue reading)"
        r"|this (story|article) is (only )?(available|reserved) (to|for) (subscribers|members)"
        r").*",
    ),
    back_matter=(
        r"(references|bibliography|further reading|notes|footnotes|sources)\s?:?",
        # A press release's notices after its news: the call for investors, the legal
        # disclaimer, whom the press may call.
        r"(conference call( and webcast)?|webcast)( information| details)?\s?:?",
        r"(forward[- ]looking statements?|safe harbou?r statement)\b.*",
        r"(media|press|investor)( relations)? contacts?\s?:?",
        r"contact information\s?:?",
    ),
    edit_links=("edit", "edit source"),
)
