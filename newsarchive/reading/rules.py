"""The boilerplate rules that hold across outlets: what news sites wrap
around a story, in the languages news comes in.

A table of patterns, compiled into ``boilerplate.Rule`` like the outlets'
own rules (``data/outlets.toml``), so that both go through one matcher.
Each rule says what it removes (its name, shown by ``invoke inspect``);
rules for short lines say how long a line they can match, and rules for
prose the words one of which a line must hold, so that long story
paragraphs are not searched by every pattern.
"""

from __future__ import annotations

from dataclasses import replace

from newsarchive.reading.boilerplate import BLOCK, Rule, rule

_SHARE_WORDS = (
    r"share(?: (?:this|on)(?: \w+)?)?|copy(?: the| this)? link|link copied|"
    r"tweet|e-?mail|print|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|"
    r"pinterest|flipboard|vk|ok|viber|messenger|threads|bluesky|mastodon|"
    r"comments?|save|bookmark|gift(?: this)? article|"
    r"поделиться|teilen|partager(?: sur \w+)?|partage|compartir(?: en \w+)?|"
    r"paylaş|condividi|(?:send|envoyer|enviar) (?:by|par|por) e-?mail|copiar enlace|"
    r"offrir cet article|gift this article|x\.com|pin|zur merkliste hinzufügen|"
    r"copiar link|courriel|partager l['’]article|add to reading list|"
    r"udostępnij|поширити|\+\d*|\d+"
)
# Words that alone on a line are a site's furniture in any page.
_FURNITURE = (
    r"skip to (?:main )?(?:content|navigation|main)|skip links?"
    r"|zu(?:m| den) (?:inhalt|hauptinhalt|hauptnavigation)(?: springen)?"
    r"|zur (?:hauptnavigation|navigation|suche)(?: springen)?"
    r"|(?:aller|passer|accéder) (?:au|à la) (?:contenu|navigation)(?: principal(?:e)?)?"
    r"|(?:ir|saltar|pular|passar) (?:al?|para o) (?:contenido|conteúdo)(?: principal)?"
    r"|перейти к (?:основному )?(?:содержанию|контенту)|içeriğe (?:geç|atla)"
    r"|vai al contenuto(?: principale)?|przejdź do (?:treści|zawartości)"
    r"|jump to (?:content|recipe)"
    r"|menu|main menu|search|home|homepage|log ?in|sign in|register|my account"
    r"|advertisement|advertising|ad|sponsored(?: content)?|anzeige|werbung|publicité"
    r"|publicidad|reklam|реклама|pubblicità|реклама"
    r"|video|videos|photo|photos|image|gallery|audio|podcast|live|live updates"
    r"|breaking|breaking news|scroll to continue|sign up(?: here| now)?"
    r"|please (?:turn on|enable) javascript.{0,40}|tags?|topics?|keywords"
    r"|key events|show key events only"
    r"|accept(?: all)?(?: cookies)?|reject(?: all)?|cookie settings|manage cookies"
    r"|back to top|next|previous|more|see all|view all|view comments|comments|continue"
    r"|print recipe|pin recipe|jump to recipe|rate this recipe|save recipe"
    r"|reuse this content|report an error|corrections?|feedback"
    r"|download|embed|transcript|toggle more options|join the conversation"
    r"|enter your email(?: address)?|already a subscriber\??(?: log ?in\.?)?"
    r"|the trust project|saber más|ir a los comentarios"
    r"|purchase licensing rights|story continues|artikel anhören|weiterlesen"
    r"|refresh|follow live|google news'te takip et|subscribe to [\w .&'’-]{2,40}"
    r"|feedback\s*:.{0,60}|loading\.*|en cours de chargement\.*|загрузка\.*"
    r"|cargando\.*|wird geladen\.*|all quotes delayed\b.{0,120}"
    r"|видео|фото|фотогалерея|галерея|fotogaleria|fotogalería|galería|galerie"
    r"|bildergalerie|mit video|\d+ (?:из|of|de|von|sur|з) \d+"
    r"|\d+ (?:fotografias|fotos|photos|фото|фотографий)"
    r"|(?:prep|cook|total|active|inactive|brining|resting)(?: time)?(?: and \w+)?"
    r"\s*:\s*[\d ]+(?:hrs?|hours?|mins?|minutes?)(?: [\d ]+(?:hrs?|mins?))?"
    r"|(?:serves|yield|servings)\s*:\s*.{1,40}|\(\d(?:\.\d)?\)|\d[\d,]* ratings?"
    r"|écouter cet article|open extended reactions|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}"
    r"|watch video(?: \d{1,2}:\d{2})?"
    r"|click (?:here )?to (?:copy|share|print|email|comment|enlarge|play|subscribe)"
    r"(?: \w+){0,5}|(?:tap|click) to (?:expand|unmute|play)"
    r"|(?:listen|watch)(?: to this article| now| live)?(?: [·•|-]? ?\d{1,2}:\d{2})?"
    r"|читать далее|реклама|комментарии|поддержать|kommentare|lire plus tard"
    r"|commentaires|ver más|comentarios|comentar|daha fazla|yorumlar"
)
# Markers of a box of other stories, in the languages news comes in.
_RELATED = (
    r"related(?: topics| stories| articles| coverage| content| news| links| video)?"
    r"|more on this (?:story|topic)|more from [\w .&'-]{2,30}|more stories"
    r"|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?"
    r"|[\w.&'-]{2,20} recommends|suggested|most read|most viewed|trending now"
    r"|top stories|editor'?s picks|also on [\w .]{2,30}|further reading"
    r"|read more|read also|also read|see also|keep reading"
    r"|по теме|читайте также|читайте також|смотрите также|популярное"
    r"|mehr zum thema|lesen sie auch|auch interessant|das könnte sie interessieren"
    r"|à lire aussi|lire aussi|sur le même sujet|les plus lus"
    r"|lea también|le puede interesar|noticias relacionadas|lo más leído"
    r"|más información"
    r"|ilgili haberler|bunlar da ilginizi çekebilir|en çok okunanlar"
    r"|te puede interesar|explore more on these topics|more on these topics"
    r"|ler mais|leia também|leia mais|mirá también|vea también|ver también"
    r"|czytaj też|czytaj także|leggi anche|читайте також"
)
_LANGUAGES = (
    r"english|русский|հայերեն|azərbaycanca|azerbaijani|türkçe|deutsch|français"
    r"|español|العربية|ქართული|українська|қазақша|кыргызча|o['‘]zbekcha|ўзбекча"
    r"|فارسی|中文|日本語|italiano|português|polski|română|беларуская|тоҷикӣ"
    r"|(?-i:[A-Z]{2,3}|[a-z]{2})"
)

_RULES: tuple[Rule, ...] = (
    # An appeal's buttons and headings: short lines, whole.
    rule(
        "donation-appeal",
        r"^(?:please )?(?:support|donate to|contribute to) .{2,60}!$"
        r"|^(?:donate|donate now|donate today|make a (?:donation|contribution)"
        r"|support us|support our (?:work|journalism)|subscribe now|get involved"
        r"|become a (?:member|supporter|patron|subscriber)(?: today)?)[.!]?$"
        r"|^not ready to (?:support|donate|contribute)\b.{0,40}$"
        r"|^remind me later\.?$|^dear (?:readers|friends)[,!]?$"
        r"|^contribute (?:today|now)[.!]?$|^(?:once|monthly|annually|yearly)$"
        r"|^(?:поддержите|поддержать|помогите)\b.{0,60}$|^how you can help\b.{0,30}$"
        # A button: "Support the Guardian", "Subscribe to The Herald".
        r"|^(?:support|subscribe to|donate to) (?:the )?"
        r"(?-i:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})$",
        keywords=(
            "support",
            "donat",
            "contribut",
            "subscri",
            "become",
            "not ready",
            "remind",
            "dear",
            "once",
            "monthly",
            "annually",
            "yearly",
            "get involved",
            "поддерж",
            "помог",
            "how you can help",
        ),
        max_length=90,
    ),
    # An appeal's prose, in any line.
    rule(
        "donation-appeal",
        r"\b(?:support|fund|donate to)(?: our)? (?:independent |quality )?journalism\b"
        r"|\b(?:become|join as) a (?:member|supporter|subscriber|patron)\b"
        r"|\bneeds? your support\b|існує завдяки вам|стати членом спільноти"
        r"|\b(?:we|our journalism) (?:rely|relies|depend|depends) on "
        r"(?:donations|readers|your support)\b"
        r"|\bsupported by (?:members|readers) like you\b"
        r"|поддержите нас|ваша поддержка|задонатить|пожертвован"
        r"|unterstützen sie (?:uns|unabhängigen)"
        r"|soutenez (?:notre|le) journalisme|faites un don",
        keywords=(
            "journalism",
            "become a",
            "join as",
            "rely",
            "relies",
            "depend",
            "supported by",
            "your support",
            "завдяки вам",
            "членом",
            "поддерж",
            "задонат",
            "пожертв",
            "unterstütz",
            "soutenez",
            "un don",
        ),
    ),
    rule(
        "newsletter-signup",
        r"^sign up (?:for|to) .{0,80}newsletters?\b.{0,80}$"
        r"|^(?:our|the) (?:\w+ ){0,3}newsletters? (?:contains|brings|delivers)\b"
        r"|^subscribers? agree to\b.{0,80}$"
        r"|^by (?:subscribing|signing up)\b.{0,120}(?:privacy|terms)\b.{0,80}$"
        r"|^(?:subscribe|get our newsletter|subscribe to (?:our|the) newsletter)[.!]?$"
        r"|\b(?:sign up|subscribe) (?:for|to) (?:our|the|[\w' ]{2,30}'s) "
        r"(?:\w+ ){0,3}newsletter"
        r"|\bnewsletter\b.{0,80}\b(?:inbox|sign up|subscribe)\b"
        r"|^get .{2,40} in your inbox\.?$"
        r"|\b(?:let us|we'll) send you (?:the latest|our)\b"
        r"|^save (?:articles|stories) to read later\b.{0,60}$"
        r"|\bunsubscribe at any time\b|\bby signing up\b|^(?:[\w'’]+ ){0,3}newsletter$"
        r"|^by clicking\b.{0,40}\bsubscribe\b|^register now for\b.{0,80}$"
        r"|^receba a newsletter\b.{0,120}$|^newsletter\b.{0,80}$|\bunsubscribe\b"
        r"|\brecevez\b.{0,80}\b(?:newsletter|lettre|e-?mail|courriel)\b"
        r"|^get the latest\b.{0,80}\b(?:every|each|in your)\b.{0,40}$"
        r"|^(?:follow|siga|sigue|puedes seguir a|suivez|folgen sie|подписывайтесь на"
        r"|abone ol)\b.{0,80}\b(?:facebook|twitter|x|telegram|instagram|youtube"
        r"|whatsapp|вконтакте|vk)\b.{0,60}$"
        r"|^keep up to date with\b.{0,120}$|^sign up for [\w .'’-]{2,40}$"
        r"|^(?:recibe|suscríbete a|abonnez-vous à|melden sie sich) .{0,40}"
        r"(?:newsletter|boletín|lettre)\b|^apúntate$|^inscrivez-vous$"
        r"|подпишитесь на (?:нашу )?рассылку|newsletter abonnieren"
        r"|abonnez-vous à (?:notre|la) newsletter|suscríbete"
        # Short prompts in any words: "… in your inbox every morning."
        r"|^.{0,80}\b(?:in|to) your inbox\b.{0,60}$"
        r"|^sign up(?: here| now| today)?[.!]?$"
        r"|^.{0,80}\ben tu (?:mail|correo|e-?mail|bandeja)\b.{0,60}$"
        r"|^.{0,100}\brecevez\b.{0,100}$|^.{0,40}\bunlimited access\b.{0,120}$",
        keywords=(
            "your inbox",
            "en tu",
            "recevez",
            "unlimited access",
            "sign up",
            "signing up",
            "newsletter",
            "subscri",
            "inbox",
            "send you",
            "save ",
            "подпиш",
            "abonn",
            "suscr",
            "recibe",
            "melden",
            "apúntate",
            "inscrivez",
            "boletín",
            "clicking",
            "register",
            "keep up to date",
            "recevez",
            "get the latest",
            "follow",
            "siga",
            "sigue",
            "seguir",
            "suivez",
            "folgen",
            "подписывайтесь",
            "abone",
        ),
    ),
    rule("share-line", rf"^(?:(?:{_SHARE_WORDS})[\s|•·/,]*)+$"),
    rule("related-block", rf"^(?:{_RELATED})\s*[:›»>|]?$", BLOCK),
    rule("site-furniture", rf"^(?:(?:{_FURNITURE})\s*[:›»>|·•]?\s*)+$"),
    rule(
        "language-switcher",
        rf"^(?:{_LANGUAGES})(?:(?:\s*[|/•·,]\s*|\s+)(?:{_LANGUAGES}))+$",
    ),
    rule(
        "reading-time",
        r"^(?:[•·]\s*)?(?:lecture\s+\d+\s*min\.?|\d+\s*min\.? de leitura"
        r"|\d+\s*min\.? czytania|lettura \d+ min"
        r"|\d+\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?|dk|dakika)\.?\s*"
        r"(?:read|reading|читать|чтения|okuma(?: süresi)?|lesezeit|de lecture)?"
        r"|(?:reading time|lesezeit|время чтения|temps de lecture|okuma süresi)"
        r"\s*:?\s*\d+.{0,12}"
        r"|listen to (?:this )?(?:article|story)(?: [\d:]+)?(?: \w+)?)$",
    ),
    rule(
        "comments",
        r"^(?:comments?|комментари[ийя]|kommentare?|commentaires?|comentarios?|yorumlar)"
        r"\s*[:(]?\s*\d+\)?$"
        r"|^\d+\s*(?:comments?|комментари[ийя]|kommentare|commentaires|comentarios)$"
        r"|^your email address will not be published\.?$"
        r"|^(?:comments are closed|os comentários a este artigo estão fechados"
        r"|l['’]espace commentaires est fermé)\b"
        r".{0,160}$"
        r"|^(?:add|post|leave|write|view|show|read) (?:a |your |all )?comments?\b"
        r".{0,30}$",
    ),
    rule(
        "error-notice",
        r"\b(?:ctrl|strg)\s*\+\s*enter\b|^(?:found|spotted|see) (?:a|an) "
        r"(?:mistake|typo|error)\b.{0,80}$",
        keywords=("ctrl", "strg", "mistake", "typo", "error"),
    ),
    rule(
        "cookie-prompt",
        r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings)\b"
        r"|используем (?:файлы )?cookie|verwendet cookies|utilise des cookies"
        r"|utiliza(?:mos)? cookies|çerez(?:ler)?i? kullan",
        keywords=("cookie", "çerez"),
    ),
    rule("video-timestamp", r"^\d{1,2}:\d{2}(?::\d{2})?$"),
    # A relative date tells nothing once copied; an absolute one is a dateline.
    rule(
        "relative-dateline",
        r"^(?:(?:first |last )?(?:published|posted|updated)\s*:?\s*)?"
        r"(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
    ),
    rule(
        "agency-credit",
        r"^\(?\s*with (?:inputs?|input|reporting) from [^()]{2,60}\)?\.?$"
        r"|^(?:additional )?reporting by .{2,120}$|^editing by .{2,80}$"
        r"|^(?:writing|compiled|produced) by .{2,80};.{0,120}$"
        r"|^(?:[a-z]{2,8}/){1,3}[a-z]{2,8}(?: \([\w/, ]+\))?$"
        r"|^\([a-z]{2,4}/[a-z]{2,4}\)$"
        r"|^enditem$|^\(end\)$",
    ),
    rule(
        "read-more",
        rf"^(?:{_RELATED}|watch|listen|related|video|opinion)\s*[:›»|-]\s+.+$"
        r"|^(?:read more|see more|show more|load more|continue reading)\.?$"
        r"|^(?:lire aussi|à lire aussi|читайте также|читайте також|lesen sie auch"
        r"|lea también|leer más|ayrıca bakınız)\s+\S.{0,150}$",
    ),
    rule(
        "copyright",
        r"^(?:©|\(c\) |copyright\s*(?:©|\(c\)|\d{4})).{0,200}$"
        r"|^.{0,120}\ball rights reserved\.?$|^.{0,60}©\s*\d{4}.{0,60}$",
        keywords=("©", "(c)", "copyright", "rights reserved"),
    ),
    rule(
        "reuse-notice",
        r"при (?:полном или частичном )?(?:использовании|копировании) материалов"
        r"|\breproduction (?:in whole or in part )?(?:is )?(?:prohibited|forbidden)\b"
        r"|tüm hakları saklıdır|todos los derechos reservados|alle rechte vorbehalten"
        r"|tous droits réservés|все права защищены|^reuse this content$"
        r"|перепечатка материалов|\bis licensed under\b"
        r"|\bwithout (?:prior )?(?:written )?permission is (?:prohibited|forbidden)\b",
        keywords=(
            "материал",
            "reproduction",
            "saklıdır",
            "reservados",
            "vorbehalten",
            "réservés",
            "защищены",
            "reuse",
            "перепечатка",
            "licensed under",
            "permission",
        ),
    ),
    rule(
        "tags-line",
        r"^(?:tags?|topics?|schlagworte|теги|etiketler)\s*:\s*.{0,200}$"
        # A list of topics in capitals: "SHIPPING, EGYPT, SUEZ CANAL".
        r"|^(?-i:(?:[A-ZÀ-ÞА-ЯЁ0-9&'’ -]{2,40}, ){2,}[A-ZÀ-ÞА-ЯЁ0-9&'’ -]{2,40})$",
    ),
    rule(
        "source-line",
        r"^(?:source|источник|quelle|kaynak|fuente|fonte)\s*:\s*[^\d]{2,60}$",
    ),
    rule("address-line", r"^(?:\S+:\s*)?https?://\S+$|^www\.\S+$"),
    # A story forwarded by e-mail keeps the message's header lines.
    rule(
        "mail-header",
        r"^(?:subject|sent|to|cc|bcc)\s*:\s*\S.*$|^from\s*:.{0,80}<[^<>@\s]+@[^<>\s]+>$",
    ),
    rule(
        "disclaimer",
        r"^the views (?:and opinions )?expressed\b.{0,200}$"
        r"|^(?:this (?:article|story) (?:was|has been|is) )"
        r"(?:updated|amended|corrected|first published|originally published)\b"
        r".{0,200}$"
        r"|^(?:full )?disclosure:.{0,300}$",
    ),
)

# How long a line each rule for short lines can be.
_MAX_LENGTHS = {
    "share-line": 160,
    "related-block": 100,
    "site-furniture": 200,
    "language-switcher": 200,
    "reading-time": 80,
    "comments": 220,
    "video-timestamp": 12,
    "relative-dateline": 80,
    "agency-credit": 260,
    "read-more": 220,
    "tags-line": 260,
    "source-line": 80,
    "address-line": 300,
    "mail-header": 200,
    # Prompts and notices are a sentence or two, never a story's paragraph.
    "newsletter-signup": 400,
    "error-notice": 300,
    "cookie-prompt": 600,
    "reuse-notice": 500,
    "copyright": 400,
}
GENERIC_RULES: tuple[Rule, ...] = tuple(
    replace(rule, max_length=_MAX_LENGTHS.get(rule.name, rule.max_length))
    for rule in _RULES
)
