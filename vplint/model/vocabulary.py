"""The domain's vocabularies: one source of truth for slugs, labels and aliases.

Every canonical value a canvas may hold (business functions, problem types, diagnosis
methods, strategy levels and areas, triggers, motivators, changes, levers), every section
heading and every field key lives here, with its English and Chinese label and the other
spellings reps use.  The JSON schema's enums, the documentation tables and the parser's
alias lookup are all derived from this module (``python -m tools.schemagen`` writes the schemas,
``python -m tools.docgen`` the documentation tables).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

__all__ = [
    "ALL_VOCABULARIES",
    "DECISION_MAKER_KEYS",
    "DECISION_PROCESS_KEYS",
    "DRIVER",
    "EVALUATOR_KEYS",
    "FIELDS",
    "FRONT_MATTER_KEYS",
    "LEVEL_RANK",
    "SECTIONS",
    "VOCABULARIES",
    "Term",
    "Vocabulary",
    "normalize",
]

_SEPARATORS = re.compile(r"[\s_\-‐‑–—]+")


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Fold a spelling to its lookup key.

    NFKC turns full-width letters and punctuation into their plain forms; case, runs of
    white space, underscores and hyphens are folded, and emphasis markers are dropped, so
    ``Window of  Opportunity``, ``window_of_opportunity`` and ``**window-of-opportunity**``
    are one key.
    """
    text = unicodedata.normalize("NFKC", text).strip().strip("*_`").strip()
    text = text.replace("&", " and ")
    return _SEPARATORS.sub("-", text.lower()).strip("-")


@dataclass(frozen=True)
class Term:
    """One canonical value: its slug, labels in both languages and other spellings."""

    slug: str
    en: str
    zh: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    """For terms that belong to a term of another vocabulary (an area to its level)."""

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.slug, self.en, self.zh, *self.aliases)


@dataclass(frozen=True)
class Vocabulary:
    """A closed set of terms with an alias lookup."""

    name: str
    en: str
    zh: str
    terms: tuple[Term, ...]
    parent_vocabulary: str | None = None
    _index: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)
    _by_slug: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_slug.update((t.slug, t) for t in self.terms)
        for term in self.terms:
            for spelling in term.spellings:
                key = normalize(spelling)
                other = self._index.get(key)
                if other is not None and other is not term:
                    raise ValueError(f"{self.name}: {spelling!r} names both {other.slug} and {term.slug}")
                self._index[key] = term

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def slugs(self) -> list[str]:
        """The terms' slugs, in order (a new list each time; ``slug in vocabulary`` is the fast membership test)."""
        return list(self._by_slug)

    def __contains__(self, slug: object) -> bool:
        return isinstance(slug, str) and slug in self._by_slug

    def __getitem__(self, slug: str) -> Term:
        return self._by_slug[slug]

    def lookup(self, text: str) -> Term | None:
        """The term that ``text`` spells, or None."""
        return self._index.get(normalize(text))

    def children_of(self, parent: str) -> list[Term]:
        return [t for t in self.terms if t.parent == parent]

    @cached_property
    def _prefixes(self) -> list[tuple[str, Term]]:
        """All spellings, longest first, folded for prefix matching."""
        pairs = {(unicodedata.normalize("NFKC", s).lower(), t) for t in self.terms for s in t.spellings}
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    @cached_property
    def _prefixes_by_first(self) -> dict[str, list[tuple[str, Term]]]:
        """:attr:`_prefixes` by first character, in the same order (all candidates of a text share theirs)."""
        index: dict[str, list[tuple[str, Term]]] = {}
        for spelling, term in self._prefixes:
            index.setdefault(spelling[:1], []).append((spelling, term))
        return index

    def match_prefix(self, text: str, *, strict: bool = False) -> tuple[Term, int] | None:
        """The term whose spelling starts ``text``, and the length of that spelling.

        A Latin spelling must end at a word boundary (``goal`` does not match ``goals``);
        a Chinese one may run straight into the following text, as Chinese is written,
        unless ``strict``, where any spelling must be followed by a space, punctuation or
        nothing (so ``问题解决形`` is not read as ``问题解决``).
        """
        folded = unicodedata.normalize("NFKC", text).lower()
        if len(folded) != len(text):  # NFKC changed the length: match on the original
            folded = text.lower()
        candidates = [folded]
        spaced = re.sub(r"(?<=\w)[ \t_]+(?=\w)", "-", folded)  # "before after - x" -> "before-after - x"
        if len(spaced) == len(folded) and spaced != folded:
            candidates.append(spaced)
        for spelling, term in self._prefixes_by_first.get(folded[:1], ()):
            for cand in candidates:
                if cand.startswith(spelling):
                    nxt = cand[len(spelling) : len(spelling) + 1]
                    if nxt and (spelling[-1].isascii() or strict) and (nxt.isalnum() or nxt in "-_"):
                        continue
                    return term, len(spelling)
        return None

    def suggest(self, text: str, n: int = 3, cutoff: float = 0.6) -> list[str]:
        """Accepted spellings close to ``text`` (difflib's ratio at least ``cutoff``), for a "did you mean" hint."""
        key = normalize(text)
        keys = list(self._index)
        close = difflib.get_close_matches(key, keys, n=n * 3, cutoff=cutoff)
        out: list[str] = []
        for k in close:
            slug = self._index[k].slug
            if slug not in out:
                out.append(slug)
        return out[:n]


def _v(name: str, en: str, zh: str, *terms: Term, parent: str | None = None) -> Vocabulary:
    return Vocabulary(name, en, zh, terms, parent_vocabulary=parent)


T = Term

# --- Part 1: the decision-maker -------------------------------------------------------

FUNCTION = _v(
    "function",
    "buying role",
    "购买角色",
    T(
        "business-unit",
        "business unit",
        "业务部门",
        (
            "最终使用或收益的业务部门",
            "使用部门",
            "业务部门推动",
            "business",
            "line-of-business",
            "bu",
            "user-department",
        ),
    ),
    T(
        "technical-evaluation",
        "technical evaluation",
        "技术评估部门",
        ("技术评估", "技术部门", "technical", "tech-evaluation", "technical-department"),
    ),
    T(
        "commercial",
        "commercial",
        "商务部门",
        ("商务", "采购", "采购部门", "procurement", "purchasing", "commercial-department"),
    ),
    T("finance", "finance", "财务部门", ("财务", "financial", "finance-department")),
)

OFFERING = _v(
    "offering",
    "offering",
    "产品类型",
    T(
        "differentiated",
        "differentiated",
        "差异化",
        ("创新", "创新或差异化", "innovative", "innovation", "differentiated-or-innovative"),
    ),
    T("in-between", "in between", "介于两者之间", ("介于之间", "中间", "intermediate", "between", "middle")),
    T("commodity", "commodity", "同质化", ("同质化产品", "homogeneous", "standard")),
)

LANGUAGE = _v(
    "language",
    "language",
    "语言",
    T("en", "English", "英文", ("english", "英语", "en-us", "en-gb")),
    T("zh", "Chinese", "中文", ("chinese", "汉语", "zh-cn", "zh-hans", "简体中文")),
)

# --- Part 1: problems and diagnosis ------------------------------------------------------

PROBLEM_TYPE = _v(
    "problem_type",
    "problem type",
    "问题类型",
    T("problem-solving", "problem-solving", "问题解决型", ("问题解决", "今不如昔", "restore-the-past")),
    T("risk-prevention", "risk-prevention", "防范隐患型", ("防范隐患", "未雨绸缪", "prevention", "risk")),
    T("ideal-pursuit", "ideal-pursuit", "追求理想型", ("追求理想", "梦寐以求", "ideal", "aspiration")),
)

DIAGNOSIS_METHOD = _v(
    "diagnosis_method",
    "diagnosis method",
    "诊断方法",
    T(
        "decomposition",
        "decomposition",
        "结构分解",
        ("结构性分解", "逐一排除", "structural-decomposition"),
        parent="problem-solving",
    ),
    T(
        "before-after",
        "before-after",
        "前后对比",
        ("前后比较", "before-and-after", "what-changed-before"),
        parent="problem-solving",
    ),
    T(
        "peer-comparison",
        "peer comparison",
        "同类比较",
        ("同类对比", "comparison", "peer-compare"),
        parent="problem-solving",
    ),
    T("exposed-issues", "exposed issues", "已暴露问题", ("暴露问题", "exposed-problems"), parent="risk-prevention"),
    T(
        "symptom-check",
        "symptom check",
        "征兆检查",
        ("征兆", "检查征兆", "symptoms", "warning-signs"),
        parent="risk-prevention",
    ),
    T(
        "lessons-learned",
        "lessons learned",
        "借鉴经验",
        ("借鉴", "经验教训", "教训", "lessons", "precedent"),
        parent="risk-prevention",
    ),
    T("goal", "goal", "明确目标", ("目标", "target", "concrete-goal"), parent="ideal-pursuit"),
    T("paths", "paths", "可能路径", ("路径", "possible-paths", "routes"), parent="ideal-pursuit"),
    T("critical-path", "critical path", "关键路径", ("key-path",), parent="ideal-pursuit"),
    T(
        "goal-decomposition",
        "goal decomposition",
        "目标分解",
        ("分解目标", "break-down-the-goal", "target-decomposition"),
        parent="ideal-pursuit",
    ),
    parent="problem_type",
)

# --- Part 1: strategy ----------------------------------------------------------------------

LEVEL = _v(
    "level",
    "strategy level",
    "策略层级",
    T("financial", "financial", "财务", ("财务层级", "finance", "financial-level")),
    T("customer", "customer", "客户", ("客户层级", "customer-level")),
    T("operations", "operations", "运营", ("运营层级", "operational", "internal-process", "operations-level")),
    T(
        "learning-growth",
        "learning and growth",
        "学习与成长",
        ("学习与成长层级", "学习成长", "learning-growth", "learning-and-growth", "learning"),
    ),
)

LEVEL_RANK: dict[str, int] = {term.slug: rank for rank, term in enumerate(reversed(LEVEL.terms))}
"""The Balanced Scorecard levels ranked from the bottom up (learning and growth 0 ... financial 3): each serves
the ones above it.  LEVEL lists them from the top."""

AREA = _v(
    "area",
    "strategy area",
    "策略领域",
    T(
        "revenue-profit",
        "revenue and profit",
        "收入和利润",
        ("收入与利润", "财务收入和利润", "revenue", "profit"),
        parent="financial",
    ),
    T(
        "cost-efficiency",
        "cost and efficiency",
        "支出和效率",
        ("财务支出和工作效率", "成本和效率", "成本", "cost", "efficiency"),
        parent="financial",
    ),
    T("financial-risk", "financial risk", "财务风险管理", ("财务风险", "risk-management"), parent="financial"),
    T(
        "asset-investment",
        "assets and investment",
        "资产利用和投资",
        ("资产利用和投资策略", "资产", "投资", "asset-utilisation", "investment"),
        parent="financial",
    ),
    T(
        "retention",
        "retention",
        "老客户关系维护",
        ("老客户维护", "老客户", "客户维护", "customer-retention", "existing-customers"),
        parent="customer",
    ),
    T(
        "acquisition",
        "acquisition",
        "新客户拓展",
        ("新客户", "客户拓展", "customer-acquisition", "new-customers"),
        parent="customer",
    ),
    T("sales-process", "sales process", "销售流程", ("sales",), parent="operations"),
    T("rnd-process", "R&D process", "研发流程", ("研发", "r-and-d-process", "rnd", "r-and-d"), parent="operations"),
    T(
        "production-process",
        "production process",
        "生产流程",
        ("生产", "production", "manufacturing"),
        parent="operations",
    ),
    T("service-process", "service process", "服务流程", ("服务", "service"), parent="operations"),
    T(
        "innovation-process",
        "innovation process",
        "业务创新流程",
        ("创新流程", "业务创新", "innovation"),
        parent="operations",
    ),
    T(
        "capability",
        "employee capability",
        "员工能力",
        ("员工能力提升", "能力", "skills", "employee-capability"),
        parent="learning-growth",
    ),
    T(
        "it-systems",
        "IT systems",
        "IT系统支撑",
        ("it系统", "it-系统支撑", "it", "it-support", "systems"),
        parent="learning-growth",
    ),
    T(
        "incentives-collaboration",
        "incentives and collaboration",
        "激励授权与协作制度",
        ("激励授权制度与协作制度", "激励与协作", "激励", "协作", "incentives", "collaboration"),
        parent="learning-growth",
    ),
    parent="level",
)

# --- Part 2: conversion, motivators, change, levers --------------------------------------

TRIGGER = _v(
    "trigger",
    "trigger",
    "转变触发",
    T("more-resources", "more resources", "更多可用资源", ("更多资源", "资源释放", "resources-freed")),
    T(
        "higher-priority",
        "higher priority",
        "更重要或更紧急",
        (
            "更重要或更紧急或更值得",
            "更重要",
            "更紧急",
            "更值得",
            "more-important-or-urgent",
            "more-important",
            "more-urgent",
            "more-worthwhile",
        ),
    ),
    T(
        "solution-appears",
        "solution appears",
        "出现了期待的解决方案",
        ("出现期待的解决方案", "出现解决方案", "solution-available", "expected-solution"),
    ),
)

MOTIVATOR = _v(
    "motivator",
    "motivator",
    "客户动机",
    T(
        "severity",
        "severity",
        "问题更严重",
        ("更严重", "隐患更严重", "理想更值得追求", "more-serious", "problem-more-serious"),
    ),
    T(
        "window",
        "window of opportunity",
        "机会窗口",
        ("机会窗口不容错过", "window-of-opportunity", "opportunity-window"),
    ),
    T("alternative-fails", "alternative fails", "替代方案失效", ("替代方案", "alternative-failed")),
    T(
        "lower-cost",
        "lower cost",
        "成本或风险更小",
        (
            "成本或风险等代价更小",
            "代价更小",
            "成本更低",
            "成本更小",
            "风险更小",
            "风险更低",
            "降价",
            "lower-risk",
            "cost-or-risk-is-smaller",
            "smaller-cost-or-risk",
            "discount",
            "price",
        ),
    ),
    T("lasting-impact", "lasting impact", "影响更久远", ("更久远", "longer-impact")),
    T("wider-impact", "wider impact", "影响范围更大", ("范围更大", "broader-impact")),
    T(
        "priority",
        "priority",
        "先处理重要的事还是紧急的事",
        ("重要还是紧急", "重要或紧急", "important-or-urgent", "urgency"),
    ),
    T("relationship", "relationship", "客情关系", ("客情", "客情关系更好", "good-relationship")),
    T(
        "keep-up-or-lead",
        "keep up or lead",
        "落伍的压力或领先的渴望",
        ("落伍的压力", "领先的渴望", "落伍或领先", "fear-of-falling-behind", "case-study", "keep-up", "lead"),
    ),
)

SCOPE = _v(
    "scope",
    "change scope",
    "变化范围",
    T("external", "external", "外部", ("组织外部", "PEST", "PEST分析", "five-forces", "五力", "波特五力")),
    T("internal", "internal", "内部", ("组织内部",)),
    T("personal", "personal", "个人", ("个人生活",)),
)

CHANGE_CATEGORY = _v(
    "change_category",
    "change category",
    "变化类别",
    T(
        "political",
        "political",
        "政策",
        ("政治", "政治政策", "policy", "regulatory", "regulation", "法规"),
        parent="external",
    ),
    T("economic", "economic", "经济", ("economy",), parent="external"),
    T("social", "social", "社会", ("society",), parent="external"),
    T("technological", "technological", "技术", ("technology", "tech"), parent="external"),
    T("rivalry", "rivalry", "同业竞争", ("竞争", "competition", "competitors"), parent="external"),
    T("new-entrants", "new entrants", "新进入者", ("新进入", "entrants"), parent="external"),
    T("substitutes", "substitutes", "替代品", ("substitute",), parent="external"),
    T("supplier-power", "supplier power", "供应商议价能力", ("供应商", "suppliers"), parent="external"),
    T("buyer-power", "buyer power", "客户议价能力", ("买方议价能力", "buyers", "customer-power"), parent="external"),
    T(
        "ownership",
        "ownership",
        "股东资本结构",
        ("股东", "资本结构", "shareholders", "capital-structure"),
        parent="internal",
    ),
    T(
        "org-structure",
        "organisation structure",
        "组织机构",
        ("组织结构", "组织架构", "organization-structure", "reorganisation", "reorganization"),
        parent="internal",
    ),
    T("personnel", "personnel", "人事变动", ("人事", "people", "staffing"), parent="internal"),
    T("culture", "culture", "企业文化和氛围", ("企业文化", "文化", "氛围"), parent="internal"),
    T("factions", "factions", "内部派系", ("派系", "politics"), parent="internal"),
    T("strategy", "business strategy", "业务策略", ("business-strategy",), parent="internal"),
    T(
        "major-initiative",
        "major initiative",
        "重大业务策略",
        ("重大举措", "重大策略", "initiative"),
        parent="internal",
    ),
    T("life", "life", "生活环境", ("生活", "personal-life"), parent="personal"),
    parent="scope",
)

CONTINUITY = _v(
    "continuity",
    "continuity",
    "连续性",
    T("continuous", "continuous", "连续", ("连续性", "持续", "渐变", "gradual", "连续变化")),
    T(
        "discontinuous",
        "discontinuous",
        "非连续",
        ("不连续", "非连续性", "突变", "突发", "sudden", "abrupt", "非连续变化"),
    ),
)

ORIGIN = _v(
    "origin",
    "need origin",
    "需求来源",
    T("stated", "stated", "客户提出", ("customer-stated", "stated-by-customer", "提出", "客户已提出", "已有需求")),
    T("uncovered", "uncovered", "挖掘", ("发掘", "销售挖掘", "discovered", "uncovered-by-sales")),
)

LEVER = _v(
    "lever",
    "lever",
    "激发手段",
    T("inform", "inform", "告知", ("tell",)),
    T("analyse", "analyse", "分析", ("analyze", "analysis")),
    T("empathise", "empathise", "同理", ("empathize", "empathy", "同理心")),
    T("relationship", "relationship", "客情", ("客情关系", "维护客情关系", "maintain-relationship")),
)

DRIVER = {"differentiated": "business-unit", "in-between": "technical-evaluation", "commodity": "commercial"}
"""The buying role that usually drives the purchase of each offering (docs/method.md §1; finance approves
budgets for any of them)."""

VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        FUNCTION,
        OFFERING,
        LANGUAGE,
        PROBLEM_TYPE,
        DIAGNOSIS_METHOD,
        LEVEL,
        AREA,
        TRIGGER,
        MOTIVATOR,
        SCOPE,
        CHANGE_CATEGORY,
        CONTINUITY,
        LEVER,
        ORIGIN,
    )
}

# --- Structure: sections, field keys, front-matter keys ------------------------------------

SECTIONS = _v(
    "section",
    "section",
    "章节",
    T("problems", "Problems", "业务问题", ("business-problems", "问题", "problem")),
    T("needs", "Needs", "购买需求", ("purchase-needs", "latent-needs", "需求", "潜在需求", "need")),
    T("motivators", "Motivators", "客户动机", ("motivation", "customer-motivators", "动机", "motivator")),
    T(
        "conversion",
        "Conversion",
        "需求转变",
        ("trigger", "triggers", "转变", "需求转化", "latent-to-explicit", "从潜在需求到明确需求"),
    ),
    T("actions", "Actions", "激发动机", ("levers", "next-steps", "行动", "激发客户动机", "action-plan")),
)

FIELDS: dict[str, Vocabulary] = {
    "problems": _v(
        "problem_field",
        "problem field",
        "问题字段",
        T("type", "Type", "类型", ("problem-type", "问题类型", "kind")),
        T("diagnosis", "Diagnosis", "诊断", ("诊断方法", "method")),
        T("root_cause", "Root cause", "根本原因", ("根源", "原因", "root-cause", "cause")),
        T("baseline", "Baseline", "基线", ("better-past", "以前", "过去", "曾经")),
        T("precedent", "Precedent", "先例", ("前车之鉴", "案例")),
        T("symptom", "Symptom", "征兆", ("warning-sign", "迹象")),
        T("target", "Target", "目标", ("goal",)),
        T("deadline", "Deadline", "期限", ("by-when", "截止", "时间")),
    ),
    "needs": _v(
        "need_field",
        "need field",
        "需求字段",
        T("solves", "Solves", "解决", ("problems", "solves-problems", "对应问题", "解决问题")),
        T("strategy", "Strategy", "策略", ("strategy-level", "业务策略", "层级", "level")),
        T("serves", "Serves", "服务于", ("supports", "serves-strategy", "支撑", "服务")),
        T("sponsor", "Sponsor", "支持者", ("高层支持者", "发起人", "leader", "高层")),
        T("origin", "Origin", "需求来源", ("need-origin", "来源", "需求出处")),
        T(
            "objective",
            "Objective",
            "领导目标",
            ("leader-objective", "committed-objective", "leaders-objective", "高层目标", "领导的目标"),
        ),
    ),
    "motivators": _v(
        "motivator_field",
        "motivator field",
        "动机字段",
        T("kind", "Kind", "类型", ("type", "motivator", "动机", "动机类型")),
        T("change", "Change", "变化", ("变动", "what-changed")),
        T("continuity", "Continuity", "连续性", ("变化类型",)),
        T("evidence", "Evidence", "证据", ("source", "来源", "依据")),
        T("shift", "Shift", "质变", ("tipping-point", "qualitative-shift", "转折点")),
        T("phenomenon", "Phenomenon", "现象", ("phenomena", "observed")),
        T("feeling", "Feeling", "感受", ("情绪", "情绪感受", "feelings", "emotion")),
        T("perception", "Perception", "认知", ("belief",)),
        T("for", "For", "针对", ("makes-urgent", "problems", "针对问题", "对应问题")),
    ),
    "conversion": _v(
        "conversion_field",
        "conversion field",
        "转变字段",
        T("trigger", "Trigger", "触发", ("触发条件", "原因", "why")),
    ),
}

FRONT_MATTER_KEYS = _v(
    "front_matter_key",
    "front-matter key",
    "元数据键",
    T("id", "id", "编号", ("canvas-id", "画布编号")),
    T("account", "account", "客户", ("customer", "账户", "客户名称")),
    T("decision_maker", "decision_maker", "决策人", ("decision-maker", "decisionmaker")),
    T("offering", "offering", "产品类型", ("product-type", "offering-type", "产品")),
    T("owner", "owner", "负责人", ("rep", "author", "销售")),
    T("updated", "updated", "更新日期", ("last-updated", "date", "更新", "日期")),
    T("language", "language", "语言", ("lang",)),
    T("decision_process", "decision_process", "决策流程", ("decision-process", "决策过程")),
)

DECISION_MAKER_KEYS = _v(
    "decision_maker_key",
    "decision-maker key",
    "决策人键",
    T("title", "title", "职位", ("头衔", "role", "job-title")),
    T("function", "function", "职能", ("业务职能", "business-function")),
    T("kpis", "kpis", "KPI", ("kpi", "kpi指标", "指标", "metrics")),
    T("buying_role", "buying_role", "购买角色", ("buying-role", "purchase-role", "采购角色")),
    T("authority", "authority", "决策权限", ("decision-authority", "权限", "审批权限")),
)

DECISION_PROCESS_KEYS = _v(
    "decision_process_key",
    "decision-process key",
    "决策流程键",
    T("evaluators", "evaluators", "评估人", ("evaluator", "评估者", "评估人员")),
    T("decision_points", "decision_points", "拍板时机", ("decision-points", "decision-point", "决策时点", "拍板")),
)

EVALUATOR_KEYS = _v(
    "evaluator_key",
    "evaluator key",
    "评估人键",
    T("title", "title", "职位", ("头衔", "role", "job-title")),
    T("function", "function", "职能", ("业务职能", "business-function")),
    T("evaluates", "evaluates", "评估内容", ("evaluation", "评估", "负责评估")),
)

ALL_VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        *VOCABULARIES.values(),
        SECTIONS,
        *FIELDS.values(),
        FRONT_MATTER_KEYS,
        DECISION_MAKER_KEYS,
        DECISION_PROCESS_KEYS,
        EVALUATOR_KEYS,
    )
}
"""Every vocabulary by name, structural ones (sections, field keys) included."""
