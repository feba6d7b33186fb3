"""Portuguese."""

from digests.languages import Language

LANGUAGE = Language(
    code="pt",
    abbreviations=frozenset(
        "sr sra srta dr dra prof pág nº av eng gen dep jan fev mar abr mai "
        "jun jul ago set out nov dez".split()
    ),
    closing_abbreviations=("etc",),
    months=frozenset(
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
        "dezembro".split()
    ),
    weekdays=frozenset(
        "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo".split()
    ),
    function_words=frozenset(
        "o a os as um uma uns umas do da dos das no na nos nas ao aos de em por para com sem "
        "sobre entre até desde e ou mas que é são era eram foi foram ser estar está estão tem "
        "têm há seu sua seus suas se lhe como mais muito já não também este esta estes estas "
        "esse essa isso isto aquele quem qual quando onde porque todo todos toda todas outro "
        "outra dois três ano anos segundo após".split()
    ),
    leaning_openers=frozenset(
        "isso isto este esta esse essa ele ela eles elas mas e também além contudo porém "
        "assim então ali aqui seu sua".split()
    ),
    leaning_inside=frozenset(
        "porém contudo também "
        "além entanto então".split()
    ),
    pointing_phrases=frozenset(
        (
            "veja como",
            "saiba como",
            "eis como",
            "confira como",
            "veja o que",
        )
    ),
    leaning_phrases=frozenset(
        (
            "por exemplo",
            "pouco depois,",
            "pouco antes,",
            "mais tarde,",
            "dias depois,",
            "anos depois,",
            "no entanto",
            "além disso",
            "por outro lado",
            "por esse motivo",
            "por este motivo",
            "por isso",
            "neste caso",
            "como já foi dito",
            "como mencionado",
            "a resposta",
        )
    ),
    conclusion_headings=frozenset(
        (
            "conclusão",
            "conclusões",
            "veredito",
            "veredicto",
            "em resumo",
        )
    ),
    conviction=r"\bestou (?:firmemente |plenamente )?convencid[oa]\b",
    contrast_openers=frozenset("mas porém contudo todavia entretanto".split()),
    conclusion_openers=frozenset(
        (
            "portanto",
            "assim",
            "por isso",
            "logo",
            "por conseguinte",
            "dessa forma",
            "desta forma",
            "finalmente",
        )
    ),
    decision_stems=(
        "decis",
        "decid",
        "vot",
        "referendo",
        "eleiç",
        "prazo",
        "sentença",
        "veredicto",
        "proib",
        "aprov",
    ),
    referring_words=frozenset(
        "ele ela eles elas este esta "
        "isso isto esse essa seu sua".split()
    ),
    demonstratives=frozenset(
        "este esta estes estas esse essa isso esses essas".split()
    ),
    time_words=frozenset(
        "ano semana mês dia manhã tarde noite verão inverno primavera outono temporada".split()
    ),
    second_person=frozenset("você vocês tu teu tua Você Tu".split()),
    first_person=frozenset("eu mim meu minha meus minhas nós nosso nossa nossos nossas".split()),
    interview_words=("entrevista",),
    question_labels=frozenset("pergunta".split()),
    answer_labels=frozenset("resposta".split()),
    courtesies=("obrigado por", "obrigada por", "muito obrigad"),
    clause_openers=frozenset("mas enquanto embora porque que quem qual cujo onde quando".split()),
    speech_verbs=frozenset(
        "disse afirmou declarou explicou destacou ressaltou acrescentou salientou sublinhou "
        "garantiu assegurou alertou indicou lembrou comentou escreveu admitiu reconheceu "
        "respondeu defendeu diz afirma declara explica destaca ressalta acrescenta salienta "
        "garante alerta lembra comenta escreve admite reconhece responde defende "
        # Brazilian reporting ("…", falou Tite): spoke, told, completed, concluded, judged.
        "falou contou completou concluiu avaliou frisou pontuou revelou relatou argumentou "
        "observou informou anunciou ponderou enfatizou opinou brincou "
        "fala conta completa conclui avalia frisa pontua revela relata argumenta observa "
        "informa anuncia pondera enfatiza".split()
    ),
    source_markers=("segundo", "de acordo com", "conforme"),
    role_groups={
        "head_of_state": ("presidente", "presidenta"),
        "government": ("primeiro-ministro", "primeira-ministra", "chanceler"),
        "minister": ("ministro", "ministra", "secretário", "secretária"),
        "mayor": ("prefeito", "prefeita", "presidente da câmara", "autarca"),
        "spokesperson": ("porta-voz",),
        "expert": (
            "especialista",
            "analista",
            "economista",
            "pesquisador",
            "pesquisadora",
            "investigador",
            "investigadora",
            "professor",
            "professora",
            "cientista",
        ),
        "journalist": ("jornalista", "repórter", "redator"),
        "official": (
            "diretor",
            "diretora",
            "chefe",
            "responsável",
            "deputado",
            "deputada",
            "senador",
            "senadora",
            "embaixador",
            "embaixadora",
            "general",
            "assessor",
            "assessora",
            "governador",
            "governadora",
            "juiz",
            "juíza",
            "delegado",
        ),
    },
    pronouns=frozenset("ele ela eles elas".split()),
    titles=frozenset("sr sra srta dr dra dom dona".split()),
    determiners=frozenset("o a os as um uma uns umas".split()),
    copulas=frozenset("é são".split()),
    quote_marks=("“", "”"),
    credit_labels=(
        "foto",
        "fotos",
        "fotografia",
        "imagem",
        "crédito",
        "fonte",
        "ilustração",
        "vídeo",
    ),
    byline_words=("por", "redação", "escrito por"),
    dateline_words=("atualizado", "publicado", "horas", "minutos", "min", "leitura"),
    furniture=(
        r"(leia também|leia mais|veja também|saiba mais|relacionad[oa]s|notícias relacionadas"
        r"|continue lendo)\b.*",
        r"(compartilhar|partilhar|compartilhe|imprimir|enviar|copiar link|salvar)[.!:]?",
        r"(siga-nos|assine|inscreva-se|cadastre-se)\b.{0,80}",
        r"(publicidade|patrocinado|conteúdo patrocinado|newsletter)[.:]?",
        r"(tags|temas|etiquetas)\s?:.*",
        r"(mais lidas|mais lidos|últimas notícias)\s?(:.*)?",
        r"(fechar|próximo|anterior|voltar)[.!]?",
    ),
    furniture_anywhere=(
        "usamos cookies",
        "utilizamos cookies",
        "este site usa cookies",
        "este site utiliza cookies",
        "aceitar cookies",
        "aceitar os cookies",
        "todos os direitos reservados",
        "exclusivo para assinantes",
        "já é assinante",
        "assine para continuar",
        "clique aqui",
        "(à esquerda)",
        "(à direita)",
        "da esquerda para a direita",
    ),
    footer=(
        r"(deixe um comentário|deixe uma resposta)\b.*",
        r"comente[.!]?",
        r"(comentários?)\s?(\(?\d+\)?)?:?",
        r"(o )?(seu )?endereço de e-?mail não será publicado.*",
    ),
    back_matter=(
        r"(referências|bibliografia|fontes|notas)\s?:?",
        # A press release's notices after its news: the call for investors, the legal
        # disclaimer, whom the press may call.
        r"contac?tos? (de|para) (imprensa|mídia|media)\s?:?",
        r"declarações prospectivas\b.*",
    ),
    edit_links=("editar", "editar código-fonte"),
)
