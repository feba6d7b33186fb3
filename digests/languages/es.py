"""Spanish."""

from digests.languages import Language

LANGUAGE = Language(
    code="es",
    abbreviations=frozenset(
        "sr sra srta dr dra ud uds pág núm art lic ing gral av dpto "
        "ene feb mar abr jun jul ago sept oct nov dic".split()
    ),
    closing_abbreviations=("etc",),
    months=frozenset(
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
        "noviembre diciembre".split()
    ),
    weekdays=frozenset("lunes martes miércoles jueves viernes sábado domingo".split()),
    function_words=frozenset(
        "el la los las lo un una unos unas del al de y e o u pero sino que es son era eran fue "
        "fueron ha han había sido ser estar está están se su sus le les en con por para sin "
        "sobre entre hasta desde como más muy ya no ni también este esta estos estas ese esa "
        "esos esas aquel quien quienes cual cuales cuando donde porque si todo todos toda "
        "todas otro otra otros otras dos tres año años según tras ante".split()
    ),
    leaning_openers=frozenset(
        "esto este esta estos estas eso ese esa él ella ellos ellas pero y además también sin "
        "embargo asimismo así entonces luego allí aquí su sus".split()
    ),
    leaning_inside=frozenset(
        "embargo también además "
        "tampoco entonces así".split()
    ),
    pointing_phrases=frozenset(
        (
            "así es como",
            "esto es lo que",
            "estas son las",
            "estos son los",
            "descubre cómo",
        )
    ),
    leaning_phrases=frozenset(
        (
            "por ejemplo",
            "poco después,",
            "poco antes,",
            "más tarde,",
            "días después,",
            "años después,",
            "sin embargo",
            "por otra parte",
            "en cambio",
            "de hecho",
            "por esta razón",
            "por este motivo",
            "por eso",
            "en este caso",
            "como se mencionó",
            "como ya se dijo",
            "como ya dijimos",
            "la respuesta",
        )
    ),
    conclusion_headings=frozenset(
        (
            "conclusión",
            "conclusiones",
            "veredicto",
            "en resumen",
            "nuestra opinión",
        )
    ),
    conviction=r"\bestoy (?:firmemente |plenamente )?convencid[oa]\b",
    contrast_openers=frozenset(["pero", "sin embargo", "no obstante"]),
    conclusion_openers=frozenset(
        (
            "por lo tanto",
            "por tanto",
            "por ello",
            "por eso",
            "así que",
            "en consecuencia",
            "finalmente",
            "de modo que",
            "en definitiva",
        )
    ),
    decision_stems=(
        "decid",
        "decisión",
        "vot",
        "referéndum",
        "elecci",
        "plazo",
        "fallo",
        "sentencia",
        "veredicto",
        "prohib",
        "aprob",
    ),
    referring_words=frozenset(
        "él ella ellos ellas este esta estos "
        "estas ese esa eso esos esas su sus".split()
    ),
    demonstratives=frozenset(
        "este esta estos estas ese esa eso esos esas".split()
    ),
    time_words=frozenset(
        "año semana mes día mañana tarde noche verano invierno primavera otoño temporada".split()
    ),
    second_person=frozenset("usted ustedes tú tu tus vosotros Usted Tú".split()),
    first_person=frozenset(
        "yo mí mi mis nosotros nosotras nuestro nuestra nuestros nuestras".split()
    ),
    interview_words=("entrevista",),
    question_labels=frozenset("pregunta".split()),
    answer_labels=frozenset("respuesta".split()),
    courtesies=("gracias por", "muchas gracias"),
    clause_openers=frozenset(
        "pero mientras aunque porque que quien cual cuyo donde cuando".split()
    ),
    speech_verbs=frozenset(
        "dijo afirmó aseguró explicó señaló indicó añadió agregó destacó sostuvo advirtió "
        "manifestó declaró precisó subrayó recordó comentó expresó escribió reconoció respondió "
        "insistió apuntó dice afirma asegura explica señala indica añade agrega destaca sostiene "
        "advierte manifiesta declara precisa subraya recuerda comenta "
        # told, related, concluded, judged, clarified, confessed, detailed, lamented.
        "contó relató concluyó opinó valoró aclaró confesó detalló lamentó puntualizó "
        "enfatizó informó anunció argumentó completó admitió "
        "cuenta relata concluye opina valora aclara confiesa detalla lamenta puntualiza "
        "enfatiza informa anuncia argumenta reconoce responde".split()
    ),
    source_markers=("según", "de acuerdo con"),
    role_groups={
        "head_of_state": ("presidente", "presidenta", "jefe de estado"),
        "government": ("primer ministro", "primera ministra", "canciller"),
        "minister": ("ministro", "ministra", "secretario", "secretaria"),
        "mayor": ("alcalde", "alcaldesa", "intendente"),
        "spokesperson": ("portavoz", "vocero", "vocera"),
        "expert": (
            "experto",
            "experta",
            "analista",
            "economista",
            "investigador",
            "investigadora",
            "profesor",
            "profesora",
            "científico",
        ),
        "journalist": ("periodista", "reportero", "redactor"),
        "official": (
            "director",
            "directora",
            "jefe",
            "jefa",
            "diputado",
            "diputada",
            "senador",
            "senadora",
            "embajador",
            "embajadora",
            "general",
            "asesor",
            "asesora",
            "fiscal",
            "juez",
            "jueza",
            "gobernador",
            "gobernadora",
            "comisario",
        ),
    },
    pronouns=frozenset("él ella ellos ellas".split()),
    titles=frozenset("sr sra srta dr dra don doña".split()),
    determiners=frozenset("el la los las un una unos unas".split()),
    copulas=frozenset("es son".split()),
    quote_marks=("«", "»"),
    credit_labels=(
        "foto",
        "fotos",
        "fotografía",
        "imagen",
        "crédito",
        "fuente",
        "ilustración",
        "vídeo",
        "video",
    ),
    byline_words=("por", "redacción", "escrito por"),
    dateline_words=("actualizado", "publicado", "horas", "minutos", "min", "hs", "lectura"),
    furniture=(
        r"(lee también|leer más|lea también|lea más|lee más|ver también|te puede interesar"
        r"|relacionad[oa]s?"
        r"|noticias relacionadas|nota relacionada|le puede interesar|más información)\b.*",
        r"(fe de errores|corrección|nota de la redacción)\b[^:]{0,40}:.*",
        r"(compartir|compartir en \w+|imprimir|enviar|copiar enlace|guardar)[.!:]?",
        r"(síguenos|suscríbete|regístrate|únete)\b.{0,80}",
        r"(publicidad|patrocinado|contenido patrocinado|boletín|newsletter)[.:]?",
        r"(etiquetas|temas|tags)\s?:.*",
        r"(lo más leído|más leídas|lo último)\s?(:.*)?",
        r"(cerrar|siguiente|anterior|volver)[.!]?",
    ),
    furniture_anywhere=(
        "utilizamos cookies",
        "usamos cookies",
        "este sitio utiliza cookies",
        "este sitio web utiliza cookies",
        "aceptar cookies",
        "aceptar las cookies",
        "todos los derechos reservados",
        "exclusivo para suscriptores",
        "ya eres suscriptor",
        "suscríbete para seguir leyendo",
        "haz clic aquí",
        "(izquierda)",
        "(derecha)",
        "de izquierda a derecha",
    ),
    footer=(
        r"(deja un comentario|dejar un comentario|deja una respuesta)\b.*",
        r"comenta[.!]?",
        r"(comentarios?)\s?(\(?\d+\)?)?:?",
        r"tu dirección de correo electrónico no será publicada.*",
    ),
    back_matter=(
        r"(referencias|bibliografía|fuentes|notas)\s?:?",
        # A press release's notices after its news: the call for investors, the legal
        # disclaimer, whom the press may call.
        r"contactos? (de|para) (prensa|medios)\s?:?",
        r"declaraciones (prospectivas|a futuro)\b.*",
    ),
    edit_links=("editar", "editar código"),
)
