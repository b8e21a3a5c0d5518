"""Generate a corpus of realistic, varied canvases for the benchmarks.

    python benchmarks/generate.py --count 10000 --out benchmarks/corpus/10000

Canvases are grouped the way a sales team keeps them: one folder per account, one canvas
per decision-maker (1 to 4 per account).  About half are written in English, about 40%
in Chinese, and the rest mix the two (English template keys and bilingual headings, the
content in Chinese).  Every vocabulary value comes from ``vplint/vocabulary.py`` (slug,
English or Chinese label, now and then another accepted alias), so the corpus follows
the vocabulary as it changes.  Without ``--broken-ratio`` every canvas checks clean; with
it, that share of canvases gets one realistic mistake each (listed in ``manifest.json``).

Generation is deterministic: a canvas depends only on the seed and its account number,
so the first 1,000 canvases of a 10,000 corpus are the 1,000 corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # the repository's vocabulary, whether or not vplint is installed
    sys.path.insert(0, str(REPO))

from vplint.model import vocabulary as voc  # noqa: E402

__all__ = [
    "DEFAULT_SEED",
    "GENERATOR_VERSION",
    "MANIFEST",
    "MISTAKES",
    "Corpus",
    "generate",
    "manifest_matches",
    "read_manifest",
    "render_canvas",
]

GENERATOR_VERSION = 2
"""2: the Canvas 2 format (``buying_role``, a motivator's ``For``, an action's ``(M1)``, a need's ``Objective``)."""
DEFAULT_SEED = 20261127
MANIFEST = "manifest.json"
UPDATED_DAYS = 45
"""A canvas was last updated at most this many days before the corpus's as-of date."""
EVIDENCE_DAYS = 100
"""Evidence is dated at most this many days before the canvas was updated (vplint warns past 180)."""

# --- vocabulary helpers ------------------------------------------------------------------------


def vocabulary_fingerprint() -> str:
    """A short hash of every accepted spelling: a corpus is stale when the vocabulary changes."""
    h = hashlib.sha256()
    for vocab in (*voc.VOCABULARIES.values(), voc.SECTIONS, *voc.FIELDS.values(), voc.FRONT_MATTER_KEYS):
        for term in vocab.terms:
            h.update("\x1f".join((vocab.name, *term.spellings, term.parent or "")).encode())
    return h.hexdigest()[:16]


# --- text pools ------------------------------------------------------------------------------------
# Placeholders: {past} and {future} years, {q} a quarter, small numbers {n} (2-9) and {lo} (1-5), {pct} a change in
# percent, {hi} a high percentage, {days}, {big} (hundreds), {peer} {region} {system}, {seen} a recent date (at most
# EVIDENCE_DAYS before the canvas was updated) and {due} a date to come.  English first, Chinese second.

PEERS_EN = ("Globex", "Initech", "Umbrella Logistics", "Stark Components", "Wayne Foods", "Hooli", "Vandelay Imports")
PEERS_ZH = ("顺达物流", "恒远制造", "华强电子", "东方食品", "瑞丰集团", "远航科技", "宏图零售")
REGIONS_EN = ("North", "South-East", "EMEA", "Pacific", "Central", "Western")
REGIONS_ZH = ("华东", "华南", "华北", "西南", "东北", "华中")
SYSTEMS = ("ERP", "CRM", "WMS", "MES", "TMS", "SAP", "OA", "BI")

ACCOUNT_PREFIXES: tuple[tuple[str, str, str], ...] = (  # slug, English, Chinese
    ("acme", "ACME", "艾克美"),
    ("huaxin", "Huaxin", "华信"),
    ("zhongtai", "Zhongtai", "中泰"),
    ("northwind", "Northwind", "北风"),
    ("contoso", "Contoso", "康拓"),
    ("tianhe", "Tianhe", "天河"),
    ("fabrikam", "Fabrikam", "法博"),
    ("jinlong", "Jinlong", "金龙"),
    ("tailspin", "Tailspin", "泰斯"),
    ("hengtong", "Hengtong", "恒通"),
    ("litware", "Litware", "利华"),
    ("minsheng", "Minsheng", "民生"),
    ("proseware", "Proseware", "普思"),
    ("xinghai", "Xinghai", "星海"),
    ("adatum", "Adatum", "亚达"),
    ("baosheng", "Baosheng", "宝盛"),
)
INDUSTRIES: tuple[tuple[str, str, str], ...] = (
    ("mfg", "Manufacturing", "制造"),
    ("logistics", "Logistics", "物流"),
    ("retail", "Retail", "零售"),
    ("bank", "Bank", "银行"),
    ("pharma", "Pharma", "医药"),
    ("energy", "Energy", "能源"),
    ("foods", "Foods", "食品"),
    ("telecom", "Telecom", "通信"),
    ("insurance", "Insurance", "保险"),
    ("auto", "Automotive", "汽车"),
)
CITIES: tuple[tuple[str, str, str], ...] = (
    ("sh", "Shanghai", "上海"),
    ("bj", "Beijing", "北京"),
    ("sz", "Shenzhen", "深圳"),
    ("gz", "Guangzhou", "广州"),
    ("hz", "Hangzhou", "杭州"),
    ("nj", "Nanjing", "南京"),
    ("cd", "Chengdu", "成都"),
    ("wh", "Wuhan", "武汉"),
    ("xa", "Xi'an", "西安"),
    ("cq", "Chongqing", "重庆"),
    ("tj", "Tianjin", "天津"),
    ("sy", "Shenyang", "沈阳"),
    ("qd", "Qingdao", "青岛"),
    ("xm", "Xiamen", "厦门"),
    ("sg", "Singapore", "新加坡"),
    ("hk", "Hong Kong", "香港"),
    ("fra", "Frankfurt", "法兰克福"),
    ("lyon", "Lyon", "里昂"),
    ("osaka", "Osaka", "大阪"),
    ("austin", "Austin", "奥斯汀"),
    ("leeds", "Leeds", "利兹"),
    ("milan", "Milan", "米兰"),
    ("sp", "Sao Paulo", "圣保罗"),
    ("dubai", "Dubai", "迪拜"),
    ("seoul", "Seoul", "首尔"),
    ("sydney", "Sydney", "悉尼"),
    ("toronto", "Toronto", "多伦多"),
    ("madrid", "Madrid", "马德里"),
    ("zurich", "Zurich", "苏黎世"),
    ("penang", "Penang", "槟城"),
)

# function slug -> (role slug, English title, Chinese title) and the offering that usually goes with it
ROLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "finance": (
        ("cfo", "Chief Financial Officer", "首席财务官"),
        ("fin-director", "Finance Director", "财务总监"),
        ("controller", "Group Controller", "集团财务经理"),
    ),
    "business-unit": (
        ("coo", "Chief Operating Officer", "首席运营官"),
        ("vp-sales", "VP Sales", "销售副总裁"),
        ("ops-director", "Head of Operations", "运营总监"),
        ("plant-manager", "Plant Manager", "工厂厂长"),
        ("service-director", "Customer Service Director", "客服总监"),
    ),
    "technical-evaluation": (
        ("cio", "Chief Information Officer", "首席信息官"),
        ("cto", "Chief Technology Officer", "首席技术官"),
        ("it-director", "IT Director", "信息中心主任"),
    ),
    "commercial": (
        ("cpo", "Chief Procurement Officer", "首席采购官"),
        ("procurement", "Head of Procurement", "采购总监"),
    ),
}
OFFERING_FOR = {  # domain.md §1: who drives the purchase of what (finance approves any: drawn at random)
    "business-unit": "differentiated",
    "technical-evaluation": "in-between",
    "commercial": "commodity",
}

KPIS = (
    ("Operating margin at or above {n}%", "营业利润率不低于{n}%"),
    ("Days sales outstanding under {days}", "应收账款周转天数低于{days}天"),
    ("System availability 99.9{n}%", "系统可用率 99.9{n}%"),
    ("IT cost down {pct}% a year", "年度IT成本下降 {pct}%"),
    ("On-time delivery {hi}%", "准时交付率 {hi}%"),
    ("Customer satisfaction (NPS) above {days}", "客户满意度（NPS）高于{days}"),
    ("{n} contracts signed per quarter", "每季度签约{n}单"),
    ("Market share +{lo} points", "市场份额提升{lo}个百分点"),
    ("Purchase price variance under {lo}%", "采购价格差异低于{lo}%"),
    ("Scrap rate below {lo}.{n}%", "废品率低于{lo}.{n}%"),
)
OWNERS_EN = ("alice@example.com", "bob.chen@example.com", "carol@example.com", "dmitri@example.com", "erin@example.com")
OWNERS_ZH = ("李雷", "韩梅梅", "王芳", "张伟", "刘洋", "陈静")

PROBLEM_TITLES: dict[str, tuple[tuple[str, str], ...]] = {
    "problem-solving": (
        ("Quote-to-cash slowed since the {past} reorganisation", "{past}年重组后回款周期变长"),
        ("Order fill rate fell to {hi}% after the {system} cut-over", "{system}切换后订单满足率跌到{hi}%"),
        ("Customer complaints up {pct}% in the {region} region", "{region}区域客户投诉同比上升{pct}%"),
        ("Month-end close now takes {n} working days", "月结时间延长到{n}个工作日"),
        ("Scrap rate rising on line {n} since the supplier switch", "更换供应商后{n}号产线废品率上升"),
        ("Peak-season outages more frequent than last year", "旺季系统宕机次数比去年多"),
        ("Sales cycle {n} weeks longer than last year", "销售周期比去年延长{n}周"),
    ),
    "risk-prevention": (
        ("Audit exposure from the new e-invoicing rules", "新版电子发票规定带来的审计风险"),
        ("Risk of a data breach like the one at {peer}", "担心重蹈{peer}数据泄露的覆辙"),
        ("Key-person dependency in the {system} team", "{system}团队关键人员依赖"),
        ("One supplier ships {pct}% of critical parts", "单一供应商占关键零部件采购{pct}%"),
        ("Ageing {system} platform may fail during peak season", "老旧{system}平台可能在旺季宕机"),
        ("Plant shutdown risk under the new emission rules", "环保新规下的停产整改风险"),
    ),
    "ideal-pursuit": (
        ("Become the margin leader in the segment", "成为细分市场利润率第一"),
        ("Reach {pct}% self-service adoption by FY{future}", "{future}财年前自助服务占比达到{pct}%"),
        ("Enter {n} new provinces within two years", "两年内新进入{n}个省份"),
        ("Match {peer}'s two-day delivery promise", "像{peer}一样做到两日达"),
        ("Cut onboarding of new reps to {n} weeks", "新销售上岗培训缩短到{n}周"),
        ("Be the group's reference site for digital operations", "成为集团数字化运营标杆"),
    ),
}

DIAGNOSES: dict[str, tuple[tuple[str, str], ...]] = {
    "decomposition": (
        (
            "traced the delay through order entry, credit, picking and invoicing; credit checks cause {pct}% of it",
            "按订单录入、信用审核、拣货、开票逐段排查，信用审核占延误的{pct}%",
        ),
        ("split the defects by station; station {n} accounts for most of them", "按工位拆分缺陷，{n}号工位占大多数"),
    ),
    "before-after": (
        (
            "the slip started right after the {system} cut-over in Q{q} {past}",
            "{past}年第{q}季度{system}切换之后开始出现",
        ),
        (
            "invoices started slipping after the regional billing teams were merged in Q{q} {past}",
            "{past}年第{q}季度区域开票团队合并后发票开始延误",
        ),
    ),
    "peer-comparison": (
        ("the {region} site runs the same process without the problem", "{region}工厂用同样流程却没有这个问题"),
        ("{peer} ships the same volume with half the overtime", "{peer}出货量相同，加班只有一半"),
    ),
    "exposed-issues": (
        (
            "two near-misses in {system} last quarter point to the next failure",
            "上季度{system}已两次险情，预示下一次故障",
        ),
        ("the {past} audit already flagged {n} late filings", "{past}年审计已发现{n}笔延迟申报"),
    ),
    "symptom-check": (
        ("rising retries, manual workarounds and overtime: all present", "重试增多、手工补救、频繁加班，征兆均已出现"),
        ("checked {n} warning signs with the team; most are already visible", "与团队核对{n}项征兆，大多已出现"),
    ),
    "lessons-learned": (
        ("a peer, {peer}, was fined in {past} for late filing", "同行{peer}{past}年因延迟申报被罚款"),
        ("our own {past} outage cost {n} days of shipments", "我们自己{past}年的宕机损失了{n}天出货"),
    ),
    "goal": (
        ("operating margin 1{n}% by FY{future}", "{future}年底前营业利润率达到1{n}%"),
        ("{pct}% of orders through self-service by the end of {future}", "{future}年底前{pct}%的订单通过自助渠道完成"),
    ),
    "paths": (
        ("three routes: price, product mix or cost; mix is the cheapest to try", "三条路径：提价、调结构、降成本"),
        ("grow through partners, own branches or online", "渠道伙伴、自建网点或线上拓展"),
    ),
    "critical-path": (
        ("working capital is the critical path", "关键在营运资金周转"),
        ("hiring and training field engineers is the critical path", "关键在现场工程师的招聘和培训"),
    ),
    "goal-decomposition": (
        (
            "split the target into {n} quarterly milestones along the critical path",
            "沿关键路径把目标拆成{n}个季度里程碑",
        ),
        ("one target per region, reviewed monthly", "按区域拆分目标，每月复盘"),
    ),
}

# Fields beside the diagnosis, by problem type: (field slug, always written?, texts).  Each type has the field
# that describes it (domain.md §2): the better past, the precedent or warning sign, the target and by when.
PROBLEM_EXTRAS: dict[str, tuple[tuple[str, bool, tuple[tuple[str, str], ...]], ...]] = {
    "problem-solving": (
        (
            "baseline",
            True,
            (("{n} days in {past}", "{past}年只需{n}天"), ("under {lo}% in {past}", "{past}年低于{lo}%")),
        ),
        (
            "root_cause",
            False,
            (
                ("manual credit checks now queue in one central team", "信用审核集中到总部后排队"),
                ("the new {system} has no batch release", "新{system}不支持批量放行"),
            ),
        ),
    ),
    "risk-prevention": (
        ("precedent", True, (("{peer} was fined in {past}", "{peer}{past}年被处罚"),)),
        ("symptom", False, (("{n} manual corrections a week", "每周{n}次手工更正"),)),
        ("root_cause", False, (("no one owns the filing calendar", "申报日历无人负责"),)),
    ),
    "ideal-pursuit": (
        ("target", True, (("{pct}% by FY{future}", "{future}财年达到{pct}%"),)),
        ("deadline", True, (("end of {future}", "{future}年底"), ("Q{q} {future}", "{future}年第{q}季度"))),
    ),
}

NEED_TITLES = (
    ("Automated credit decisions", "信用审批自动化"),
    ("Compliant e-invoicing pipeline", "电子发票合规平台"),
    ("Working-capital analytics", "营运资金分析"),
    ("High availability for the scheduling platform", "调度平台高可用改造"),
    ("Data security governance", "数据安全治理"),
    ("Predictive maintenance for line {n}", "{n}号产线预测性维护"),
    ("Sales playbook and CRM clean-up", "销售手册与CRM数据治理"),
    ("Supplier risk monitoring", "供应商风险监控"),
    ("Self-service customer portal", "客户自助服务门户"),
    ("Field service mobile app", "现场服务移动应用"),
    ("Academy for new reps", "新销售培训体系"),
    ("Unified customer data platform", "统一客户数据平台"),
)
NEED_DETAILS = (
    ("cut DSO by {n} days", "应收账款周转天数缩短{n}天"),
    ("{pct}% fewer manual steps", "手工环节减少{pct}%"),
    ("protect {n} key accounts", "保住{n}家重点客户"),
)
SPONSORS = (("COO", "集团COO"), ("Group CFO", "集团CFO"), ("CEO", "总经理"), ("VP Operations", "分管副总裁"))

# The motivator that carries a canvas is not one of the two sellers over-use (domain.md §6: the discount and
# the case study); those appear beside it.
MAIN_KINDS = [slug for slug in voc.MOTIVATOR.slugs if slug not in ("lower-cost", "keep-up-or-lead")]

MOTIVATOR_TITLES: dict[str, tuple[str, str]] = {
    "severity": ("The problem is getting worse", "问题正在加重"),
    "window": ("Window of opportunity", "机会窗口"),
    "alternative-fails": ("The workaround stopped working", "临时方案失效"),
    "lower-cost": ("Cheaper to act now", "现在行动代价更小"),
    "lasting-impact": ("The effect lasts for years", "影响更久远"),
    "wider-impact": ("It now touches every region", "影响范围扩大到全部区域"),
    "priority": ("Urgent and important at once", "既重要又紧急"),
    "relationship": ("The sponsor trusts us", "高层信任我们"),
    "keep-up-or-lead": ("{peer} is moving first", "{peer}已经先行一步"),
}

CHANGES: dict[str, tuple[str, str]] = {
    "political": ("national e-invoicing mandate takes effect {due}", "《数据安全法》配套细则{due}起施行"),
    "economic": ("interest rates up {lo} points since {past}", "{past}年以来融资成本上升{lo}个百分点"),
    "social": ("customers expect two-day delivery", "客户普遍期待两日达"),
    "technological": ("cloud scheduling tools matured in {past}", "{past}年云端调度工具趋于成熟"),
    "rivalry": ("{peer} cut prices by {pct}%", "{peer}降价{pct}%"),
    "new-entrants": ("two online-only players entered the {region} market", "两家纯线上企业进入{region}市场"),
    "substitutes": ("customers switch to rental instead of buying", "客户开始以租代买"),
    "supplier-power": ("the main supplier raised prices {pct}%", "主要供应商涨价{pct}%"),
    "buyer-power": ("the top {n} customers now tender every year", "前{n}大客户改为每年招标"),
    "ownership": ("a private-equity fund took a majority stake on {seen}", "私募基金{seen}成为控股股东"),
    "org-structure": ("regional billing teams merged into one centre", "区域开票团队合并为共享中心"),
    "personnel": ("a new CFO joined on {seen}", "新任财务总监{seen}到任"),
    "culture": ("the new CEO pushes data-driven reviews", "新总经理推行数据化复盘"),
    "factions": ("sales and operations disagree on who owns delivery dates", "销售与运营争夺交期话语权"),
    "strategy": ("the board moved from growth to margin", "董事会把重心从增长转向利润"),
    "major-initiative": ("group-wide digital programme launched {seen}", "集团数字化项目{seen}启动"),
    "life": ("the decision-maker relocates to head office", "决策人调往总部工作"),
}
SOURCES = (
    ("Ministry notice of {seen}", "{seen} 监管部门公告"),
    ("board minutes, {seen}", "{seen} 董事会纪要"),
    ("CFO town-hall slides dated {seen}", "{seen} 财务总监全员会材料"),
    ("industry association report ({seen})", "行业协会报告（{seen}）"),
    ("press release by {peer} on {seen}", "{peer}于{seen}发布的新闻稿"),
    ("call with the customer's IT director on {seen}", "{seen} 与客户IT总监通话"),
)
SHIFTS = (
    ("the backlog crossed {big} tickets, the point where SLAs break", "积压工单突破{big}张，服务水平开始失守"),
    ("overtime passed {days} hours a month, staff started leaving", "月加班超过{days}小时，员工开始离职"),
)
PHENOMENA = (
    ("finance staff doing overtime on invoice corrections", "财务人员为更正发票连续加班"),
    ("weekly escalation meetings with the COO", "每周与COO开升级会"),
    ("more travel to the {region} sites", "频繁出差到{region}现场"),
    ("conflict between sales and the warehouse", "销售与仓库矛盾增多"),
    ("two key customers asked for penalty clauses", "两家重点客户要求加入罚则"),
    ("the leader asks for a plan at every review", "领导每次会议都追问方案"),
)
FEELINGS = (
    ("anxiety about the first audit", "焦虑"),
    ("worry about losing key accounts", "担心丢掉重点客户"),
    ("eager to show results to the new CEO", "渴望在新领导面前做出成绩"),
    ("frustration with the workarounds", "对临时方案感到厌倦"),
)
PERCEPTIONS = (
    ("the problem is urgent and will not go away by itself", "这件事必须在年底前解决"),
    ("acting now costs less than waiting", "现在行动比等待代价更小"),
    ("falling behind the peers is a real risk", "落后于同行的风险是真实的"),
    ("this is worth a budget request", "这值得申请专项预算"),
)
ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "inform": (
        ("share the mandate timeline and the {peer} fine", "同步新规施行时间表与同行处罚案例"),
        ("send the {past} benchmark of the {region} peers", "发送{region}同行{past}年对标数据"),
    ),
    "analyse": (
        ("show that the backlog will keep growing after the merger", "说明合并后积压会持续增加"),
        ("walk through the cost of waiting one more year", "测算再等一年的代价"),
    ),
    "empathise": (
        ("acknowledge the overtime load in finance", "理解团队的加班压力"),
        ("recognise the pressure from the new CEO", "体谅新领导带来的压力"),
    ),
    "relationship": (
        ("invite the sponsor to the user conference", "邀请高层参加用户大会"),
        ("regular lunch with the IT director", "定期与IT总监交流"),
    ),
}
INTROS = (
    ("Prepared for the Q{q} account review.", "为第{q}季度客户复盘准备。"),
    ("Notes from the discovery workshop with the sponsor.", "需求挖掘研讨会纪要，高层已参加。"),
    ("Updated after the call with the decision-maker.", "与决策人沟通后更新。"),
)

# Which strategy levels a need at a level serves (domain.md §4): learning-growth serves operations,
# operations serves customer and financial, customer serves financial; a financial need may serve
# the parent organisation's financial strategy.
SERVES_UP: dict[str, tuple[str, ...]] = {
    "learning-growth": ("operations", "operations", "customer"),
    "operations": ("customer", "financial"),
    "customer": ("financial",),
    "financial": ("financial",),
}

# --- the canvas spec ---------------------------------------------------------------------------------


@dataclass
class Problem:
    id: str
    title: str
    type: str
    diagnoses: list[tuple[str, str]]
    extras: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Need:
    id: str
    title: str
    solves: list[str]
    strategy: tuple[str, str, str] | None  # level, area, detail ("" for none)
    serves: list[tuple[str, str]] = field(default_factory=list)
    sponsor: str = ""


@dataclass
class Motivator:
    id: str
    title: str
    kind: str
    change: tuple[str, str] | None  # category, description
    continuity: str
    evidence: str
    shift: str = ""
    phenomenon: str = ""
    feeling: str = ""
    perception: str = ""


@dataclass
class Style:
    """How one canvas is written: language, spellings and punctuation habits."""

    lang: str  # "en", "zh" or "mixed" (English keys, Chinese content)
    keys_en: bool
    bold_keys: bool
    colon: str
    sep: str  # between a vocabulary value and its detail
    id_sep: str  # between an item id and its title
    slug_share: float  # chance that a vocabulary value is written as its slug
    alias_share: float  # chance that it is written as another accepted alias
    date_style: str  # "iso", "slash" or "zh"
    write_scope: bool  # "external/political" rather than "political"


@dataclass
class Canvas:
    path: str
    id: str
    account: str
    title_dm: str
    function: str
    kpis: list[str]
    offering: str
    owner: str
    updated: str
    language: str | None
    style: Style
    intro: str
    problems: list[Problem]
    needs: list[Need]
    motivators: list[Motivator]
    triggers: list[str]
    actions: list[tuple[str, str]]
    front_matter_extra: list[tuple[str, str]] = field(default_factory=list)
    mistake: str = ""


# --- building ---------------------------------------------------------------------------------------


class _Filler:
    """Fills text templates with values drawn from one canvas's random stream."""

    def __init__(self, rng: random.Random, zh: bool, style: Style, updated: dt.date) -> None:
        self.rng = rng
        self.zh = zh
        self.style = style
        self.updated = updated

    def date(self, d: dt.date) -> str:
        if self.style.date_style == "zh":
            return f"{d.year}年{d.month}月{d.day}日"
        if self.style.date_style == "slash":
            return f"{d.year}/{d.month:02d}/{d.day:02d}"
        return d.isoformat()

    def __call__(self, pair: tuple[str, str]) -> str:
        r = self.rng
        template = pair[1] if self.zh else pair[0]
        if "{" not in template:
            return template
        year = self.updated.year
        return template.format(
            past=year - r.randint(1, 3),
            future=year + r.randint(1, 3),
            q=r.randint(1, 4),
            n=r.randint(2, 9),
            lo=r.randint(1, 5),
            pct=r.choice((8, 12, 15, 20, 25, 30, 40)),
            hi=r.randint(90, 99),
            days=r.randint(30, 60),
            big=r.randrange(200, 1000, 50),
            peer=r.choice(PEERS_ZH if self.zh else PEERS_EN),
            region=r.choice(REGIONS_ZH if self.zh else REGIONS_EN),
            system=r.choice(SYSTEMS),
            seen=self.date(self.updated - dt.timedelta(days=r.randint(0, EVIDENCE_DAYS))),
            due=self.date(self.updated + dt.timedelta(days=r.randint(30, 400))),
        )


def _style(rng: random.Random, lang: str) -> Style:
    zh_text = lang != "en"
    return Style(
        lang=lang,
        keys_en=lang != "zh",
        bold_keys=rng.random() < 0.15,
        colon=":" if lang != "zh" or rng.random() < 0.2 else "：",
        sep=rng.choice((" —— ", "——", " — ")) if zh_text else rng.choice((" - ", " - ", " — ", ": ")),
        id_sep=rng.choice((" ", " ", ": ", ". ", " — ")) if not zh_text else rng.choice((" ", " ", "：", "、")),
        slug_share=0.55 if lang == "en" else (0.35 if lang == "mixed" else 0.08),
        alias_share=0.08,
        date_style=rng.choice(("iso", "iso", "slash", "zh")) if zh_text else rng.choice(("iso", "iso", "iso", "slash")),
        write_scope=rng.random() < 0.7,
    )


def _ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(1, n + 1)]


_NAMES = len(ACCOUNT_PREFIXES) * len(INDUSTRIES) * len(CITIES)
_STRIDE = 7919  # a prime that does not divide _NAMES: consecutive accounts get scattered names


def account_name(account: int) -> tuple[str, str, str]:
    """A name no other account has: (slug, English, Chinese)."""
    k = (account - 1) * _STRIDE % _NAMES
    prefix = ACCOUNT_PREFIXES[k % len(ACCOUNT_PREFIXES)]
    industry = INDUSTRIES[k // len(ACCOUNT_PREFIXES) % len(INDUSTRIES)]
    city = CITIES[k // (len(ACCOUNT_PREFIXES) * len(INDUSTRIES))]
    lap = (account - 1) // _NAMES  # past the last name: number the second round
    slug = f"{prefix[0]}-{industry[0]}-{city[0]}" + (f"-{lap + 1}" if lap else "")
    en = f"{prefix[1]} {industry[1]} {city[1]}" + (f" {lap + 1}" if lap else "")
    zh = f"{city[2]}{prefix[2]}{industry[2]}" + (f"{lap + 1}" if lap else "")
    return slug, en, zh


def build_canvas(seed: int, account: int, index: int, broken_ratio: float, as_of: dt.date) -> Canvas:
    """The canvas ``index`` (0-based) of account number ``account``, as written by ``as_of``."""
    arng = random.Random(f"{seed}:account:{account}")
    draw = arng.random()
    lang = "en" if draw < 0.6 else ("zh" if draw < 0.9 else "mixed")
    functions = list(ROLES)
    arng.shuffle(functions)  # one canvas per decision-maker: an account never repeats a function

    rng = random.Random(f"{seed}:canvas:{account}:{index}")
    zh = lang != "en"
    style = _style(rng, lang)
    updated = as_of - dt.timedelta(days=rng.randint(0, UPDATED_DAYS))
    fill = _Filler(rng, zh, style, updated)
    function = functions[index % len(functions)]
    role = rng.choice(ROLES[function])
    slug, name_en, name_zh = account_name(account)

    problems: list[Problem] = []
    used_titles: set[tuple[str, str]] = set()
    for pid in _ids("P", rng.choice((1, 2, 2, 3, 3))):
        ptype = rng.choice(voc.PROBLEM_TYPE.slugs)
        methods = [t.slug for t in voc.DIAGNOSIS_METHOD.children_of(ptype)]
        chosen = rng.sample(methods, 2 if rng.random() < 0.15 else 1)
        diagnoses = [(m, fill(rng.choice(DIAGNOSES[m]))) for m in chosen]
        extras: list[tuple[str, str]] = []
        for key, always, texts in PROBLEM_EXTRAS[ptype]:
            if always or rng.random() < 0.3:
                extras.append((key, fill(rng.choice(texts))))
        title = rng.choice([t for t in PROBLEM_TITLES[ptype] if t not in used_titles])
        used_titles.add(title)
        problems.append(Problem(pid, fill(title), ptype, diagnoses, extras))

    pids = [p.id for p in problems]
    need_count = rng.choice((1, 2, 2, 3, 3))
    titles = rng.sample(NEED_TITLES, k=need_count)
    needs: list[Need] = []
    for n, nid in enumerate(_ids("N", need_count)):
        level = rng.choice(voc.LEVEL.slugs)
        area = rng.choice(voc.AREA.children_of(level)).slug
        detail = fill(rng.choice(NEED_DETAILS)) if rng.random() < 0.2 else ""
        serves = []
        if level != "financial" or rng.random() < 0.15:  # below financial, a need says what it serves
            up = rng.choice(SERVES_UP[level])
            serves.append((up, rng.choice(voc.AREA.children_of(up)).slug))
        # every problem is solved by some need
        solves = pids[n::need_count] if need_count < len(pids) else [pids[n % len(pids)]]
        if len(pids) > 1 and rng.random() < 0.15:
            solves = sorted({*solves, rng.choice(pids)}, key=pids.index)
        sponsor = fill(rng.choice(SPONSORS)) if rng.random() < 0.3 else ""
        needs.append(Need(nid, fill(titles[n]), solves, (level, area, detail), serves, sponsor))

    motivators: list[Motivator] = []
    count = rng.choice((1, 1, 2, 2, 3))
    main = rng.randrange(count)  # the motivator with the whole chain and dated evidence
    for m, mid in enumerate(_ids("M", count)):
        kind = rng.choice(MAIN_KINDS if m == main else voc.MOTIVATOR.slugs)
        category = rng.choice(voc.CHANGE_CATEGORY.slugs)
        continuity = "continuous" if rng.random() < 0.3 else "discontinuous"
        full = m == main
        motivators.append(
            Motivator(
                id=mid,
                title=fill(MOTIVATOR_TITLES[kind]),
                kind=kind,
                change=(category, fill(CHANGES[category])) if full or rng.random() < 0.5 else None,
                continuity=continuity,
                evidence=fill(rng.choice(SOURCES)) if full or rng.random() < 0.2 else "",
                shift=fill(rng.choice(SHIFTS)) if continuity == "continuous" and (full or rng.random() < 0.5) else "",
                phenomenon=fill(rng.choice(PHENOMENA)) if full or rng.random() < 0.4 else "",
                feeling=fill(rng.choice(FEELINGS)) if full or rng.random() < 0.4 else "",
                perception=fill(rng.choice(PERCEPTIONS)) if full or rng.random() < 0.3 else "",
            )
        )

    triggers = rng.sample(voc.TRIGGER.slugs, 2 if rng.random() < 0.15 else 1)
    levers = rng.sample(voc.LEVER.slugs, rng.randint(1, 3))
    actions = [(lever, fill(rng.choice(ACTIONS[lever]))) for lever in levers]

    canvas = Canvas(
        path=f"{account:05d}-{slug}/{slug}-{role[0]}.{'en' if lang == 'en' else 'zh'}.md",
        id=f"{slug}-{role[0]}",
        account=name_zh if zh or rng.random() < 0.1 else name_en,
        title_dm=role[2] if zh else role[1],
        function=function,
        kpis=[fill(k) for k in rng.sample(KPIS, rng.randint(1, 3))],
        offering=OFFERING_FOR.get(function) or rng.choice(voc.OFFERING.slugs),
        owner=rng.choice(OWNERS_ZH if lang == "zh" and rng.random() < 0.7 else OWNERS_EN),
        updated=updated.isoformat(),
        language=None if rng.random() < 0.1 else ("en" if lang == "en" else "zh"),
        style=style,
        intro=fill(rng.choice(INTROS)) if rng.random() < 0.3 else "",
        problems=problems,
        needs=needs,
        motivators=motivators,
        triggers=triggers,
        actions=actions,
    )
    if rng.random() < broken_ratio:
        mistake = rng.choice(sorted(MISTAKES))
        MISTAKES[mistake](canvas, rng)
        canvas.mistake = mistake
    return canvas


# --- mistakes (with --broken-ratio) ------------------------------------------------------------------


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]  # drop a letter: "problem-solvng"


def _m_typo_type(c: Canvas, rng: random.Random) -> None:
    c.problems[0].type = "~" + _typo(c.problems[0].type, rng)  # "~": render as written


def _m_method_mismatch(c: Canvas, rng: random.Random) -> None:
    p = c.problems[0]
    other = rng.choice([t for t in voc.DIAGNOSIS_METHOD.terms if t.parent != p.type]).slug
    p.diagnoses = [(other, fill_plain(DIAGNOSES[other][0], c))]


def _m_missing_diagnosis(c: Canvas, rng: random.Random) -> None:
    c.problems[-1].diagnoses = []


def _m_area_mismatch(c: Canvas, rng: random.Random) -> None:
    n = c.needs[0]
    assert n.strategy is not None
    other = rng.choice([t for t in voc.AREA.terms if t.parent != n.strategy[0]]).slug
    n.strategy = (n.strategy[0], other, n.strategy[2])


def _m_missing_strategy(c: Canvas, rng: random.Random) -> None:
    c.needs[-1].strategy = None


def _m_dangling_ref(c: Canvas, rng: random.Random) -> None:
    c.needs[0].solves = [f"P{len(c.problems) + rng.randint(1, 5)}"]


def _m_duplicate_id(c: Canvas, rng: random.Random) -> None:
    if len(c.problems) < 2:
        c.problems.append(Problem("P1", c.problems[0].title, c.problems[0].type, c.problems[0].diagnoses))
    else:
        c.problems[1].id = "P1"


def _m_no_evidence(c: Canvas, rng: random.Random) -> None:
    for m in c.motivators:
        m.evidence = "heard it from the team" if c.style.lang == "en" else "听团队说的"


def _m_bad_date(c: Canvas, rng: random.Random) -> None:
    c.updated = rng.choice(("2026-13-01", "2026-02-30", "26-11-2026", "2026.11.20"))


def _m_unknown_key(c: Canvas, rng: random.Random) -> None:
    c.front_matter_extra.append((rng.choice(("ownr", "acount", "decison_maker")), "x"))


def _m_unknown_motivator(c: Canvas, rng: random.Random) -> None:
    c.motivators[0].kind = "~" + rng.choice(("fomo", "budget-flush", "politcs"))


def fill_plain(pair: tuple[str, str], c: Canvas) -> str:
    """A template's text with its placeholders filled by fixed values (for mistakes)."""
    template = pair[0] if c.style.lang == "en" else pair[1]
    values = {"past": 2025, "future": 2027, "q": 3, "n": 4, "lo": 2, "pct": 20, "hi": 95, "days": 45, "big": 400}
    return template.format(peer="Globex", region="North", system="ERP", seen="2026-10-12", due="2027-01-01", **values)


MISTAKES = {
    "typo-problem-type": _m_typo_type,
    "method-mismatch": _m_method_mismatch,
    "missing-diagnosis": _m_missing_diagnosis,
    "area-mismatch": _m_area_mismatch,
    "missing-strategy": _m_missing_strategy,
    "dangling-reference": _m_dangling_ref,
    "duplicate-id": _m_duplicate_id,
    "no-change-evidence": _m_no_evidence,
    "bad-updated-date": _m_bad_date,
    "unknown-front-matter-key": _m_unknown_key,
    "unknown-motivator": _m_unknown_motivator,
}

# --- rendering --------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, canvas: Canvas, rng: random.Random) -> None:
        self.c = canvas
        self.s = canvas.style
        self.rng = rng
        self.zh = canvas.style.lang != "en"

    def term(self, vocab: voc.Vocabulary, slug: str) -> str:
        """A vocabulary value as a rep writes it: slug, label, or now and then another alias."""
        if slug.startswith("~"):  # a deliberate mistake: written as is
            return slug[1:]
        term = vocab[slug]
        draw = self.rng.random()
        if draw < self.s.alias_share and term.aliases:
            aliases = [a for a in term.aliases if _is_cjk(a[0]) == self.zh]
            if aliases:
                return self.rng.choice(aliases)
        if draw < self.s.alias_share + self.s.slug_share:
            return term.slug
        return term.zh if self.zh else term.en

    def key(self, vocab: voc.Vocabulary, slug: str) -> str:
        term = vocab[slug]
        label = term.en if self.s.keys_en else term.zh
        return f"**{label}**" if self.s.bold_keys else label

    def field(self, vocab: voc.Vocabulary, slug: str, value: str) -> str:
        space = "" if self.s.colon == "：" else " "  # Chinese writes no space after a full-width colon
        return f"- {self.key(vocab, slug)}{self.s.colon}{space}{value}"

    def _action(self, lever: str, target: str, text: str) -> str:
        space = "" if self.s.colon == "：" else " "
        return f"- {self.key(voc.LEVER, lever)}{target}{self.s.colon}{space}{text}"

    def heading(self, slug: str) -> str:
        term = voc.SECTIONS[slug]
        if self.s.lang == "mixed":
            return f"## {term.zh}（{term.en}）" if self.rng.random() < 0.5 else f"## {term.en} / {term.zh}"
        return f"## {term.zh if self.zh else term.en}"

    def level_area(self, level: str, area: str) -> str:
        slash = "／" if self.zh and self.rng.random() < 0.1 else "/"
        return f"{self.term(voc.LEVEL, level)}{slash}{self.term(voc.AREA, area)}"

    def render(self) -> str:
        c, s = self.c, self.s
        out: list[str] = ["---", f"id: {c.id}", f"account: {c.account}", "decision_maker:"]
        out += [f"  title: {c.title_dm}", f"  buying_role: {self.term(voc.FUNCTION, c.function)}", "  kpis:"]
        out += [f"    - {k}" for k in c.kpis]
        out += [f"offering: {self.term(voc.OFFERING, c.offering)}", f"owner: {c.owner}", f"updated: {c.updated}"]
        if c.language:
            out.append(f"language: {c.language}")
        out += [f"{k}: {v}" for k, v in c.front_matter_extra]
        out += ["---", ""]
        if self.zh:
            out.append(f"# {c.account}：{c.title_dm} 价值主张引导画布")
        else:
            out.append(f"# {c.account}: {c.title_dm} value proposition canvas")
        out.append("")
        if c.intro:
            out += [c.intro, ""]

        fields = voc.FIELDS["problems"]
        out += [self.heading("problems"), ""]
        for p in c.problems:
            out.append(f"### {p.id}{s.id_sep}{p.title}")
            out.append(self.field(fields, "type", self.term(voc.PROBLEM_TYPE, p.type)))
            for method, detail in p.diagnoses:
                value = f"{self.term(voc.DIAGNOSIS_METHOD, method)}{s.sep}{detail}"
                out.append(self.field(fields, "diagnosis", value))
            out += [self.field(fields, key, text) for key, text in p.extras]
            out.append("")

        fields = voc.FIELDS["needs"]
        out += [self.heading("needs"), ""]
        for n in c.needs:
            out.append(f"### {n.id}{s.id_sep}{n.title}")
            joiner = self.rng.choice(("、", ", ")) if self.zh else ", "
            out.append(self.field(fields, "solves", joiner.join(n.solves)))
            if n.strategy is not None:
                level, area, detail = n.strategy
                value = self.level_area(level, area) + (f"{s.sep}{detail}" if detail else "")
                out.append(self.field(fields, "strategy", value))
            if n.serves:
                out.append(self.field(fields, "serves", ", ".join(self.level_area(lv, ar) for lv, ar in n.serves)))
            rank = voc.LEVEL_RANK
            higher = n.strategy is not None and any(rank[lv] > rank[n.strategy[0]] for lv, _ in n.serves)
            sponsor = n.sponsor or (("集团COO" if self.zh else "COO") if higher else "")  # N004 asks for one
            if sponsor:
                out.append(self.field(fields, "sponsor", sponsor))
            levels = {n.strategy[0]} if n.strategy is not None else set()
            if "financial" in levels | {lv for lv, _ in n.serves}:  # the leader's objective (N003)
                out.append(self.field(fields, "objective", n.title))
            out.append("")

        fields = voc.FIELDS["motivators"]
        out += [self.heading("motivators"), ""]
        for m in c.motivators:
            out.append(f"### {m.id}{s.id_sep}{m.title}")
            out.append(self.field(fields, "kind", self.term(voc.MOTIVATOR, m.kind)))
            if c.problems:  # the problem it makes more important or urgent (M007)
                out.append(self.field(fields, "for", c.problems[0].id))
            if m.change is not None:
                category, description = m.change
                head = self.term(voc.CHANGE_CATEGORY, category)
                if s.write_scope:
                    parent = voc.CHANGE_CATEGORY[category].parent or ""
                    head = f"{self.term(voc.SCOPE, parent)}/{head}"
                out.append(self.field(fields, "change", f"{head}{s.sep}{description}"))
            out.append(self.field(fields, "continuity", self.term(voc.CONTINUITY, m.continuity)))
            for key in ("evidence", "shift", "phenomenon", "feeling", "perception"):
                text = getattr(m, key)
                if text:
                    out.append(self.field(fields, key, text))
            out.append("")

        if c.triggers:
            out += [self.heading("conversion")]
            joiner = "、" if self.zh else ", "
            out += [
                self.field(
                    voc.FIELDS["conversion"], "trigger", joiner.join(self.term(voc.TRIGGER, t) for t in c.triggers)
                )
            ]
            out.append("")
        if c.actions:
            out.append(self.heading("actions"))
            # what the actions work on: the motivator with evidence of a change (A002)
            mid = next((m.id for m in c.motivators if m.evidence), c.motivators[0].id if c.motivators else "")
            target = "" if not mid else f"（{mid}）" if self.zh else f" ({mid})"
            out += [self._action(lever, target, text) for lever, text in c.actions]
            out.append("")
        return "\n".join(out).rstrip("\n") + "\n"


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff"


def render_canvas(canvas: Canvas, seed: int, account: int, index: int) -> str:
    return _Writer(canvas, random.Random(f"{seed}:render:{account}:{index}")).render()


# --- the corpus -------------------------------------------------------------------------------------


@dataclass
class Corpus:
    out: Path
    count: int
    seed: int
    broken_ratio: float
    as_of: dt.date
    bytes: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    broken: dict[str, str] = field(default_factory=dict)

    def manifest(self) -> dict[str, object]:
        return {
            "generator_version": GENERATOR_VERSION,
            "vocabulary": vocabulary_fingerprint(),
            "seed": self.seed,
            "count": self.count,
            "broken_ratio": self.broken_ratio,
            "as_of": self.as_of.isoformat(),
            "bytes": self.bytes,
            "languages": dict(sorted(self.languages.items())),
            "broken": self.broken,
        }


def read_manifest(out: Path) -> dict[str, object] | None:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def manifest_matches(out: Path, count: int, seed: int = DEFAULT_SEED, broken_ratio: float = 0.0) -> bool:
    """Whether ``out`` holds the corpus these parameters generate with today's generator and vocabulary.

    The as-of date is not compared: an older corpus is the same corpus seen from another day
    (run ``vplint`` on it with ``VPLINT_TODAY`` set to its ``as_of``, as ``run.py`` does).
    """
    data = read_manifest(out)
    expected = {
        "generator_version": GENERATOR_VERSION,
        "vocabulary": vocabulary_fingerprint(),
        "seed": seed,
        "count": count,
        "broken_ratio": broken_ratio,
    }
    return data is not None and all(data.get(k) == v for k, v in expected.items())


def generate(
    out: Path, count: int, seed: int = DEFAULT_SEED, broken_ratio: float = 0.0, as_of: dt.date | None = None
) -> Corpus:
    """Write ``count`` canvases under ``out`` (replacing a corpus already there) and a manifest.

    ``as_of`` (default today) is the day the canvases are written: they were updated in the
    weeks before it and their evidence is a few months old at most.
    """
    if out.exists():
        if any(out.iterdir()) and not (out / MANIFEST).exists():
            raise SystemExit(f"generate: {out} exists and is not a generated corpus; not touching it")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    corpus = Corpus(out, count, seed, broken_ratio, as_of or dt.date.today())
    written = 0
    account = 0
    while written < count:
        account += 1
        per_account = random.Random(f"{seed}:size:{account}").choice((1, 1, 2, 2, 3, 4))
        for index in range(min(per_account, count - written)):
            canvas = build_canvas(seed, account, index, broken_ratio, corpus.as_of)
            text = render_canvas(canvas, seed, account, index)
            path = out / canvas.path
            path.parent.mkdir(exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            corpus.bytes += len(data)
            corpus.languages[canvas.style.lang] += 1
            if canvas.mistake:
                corpus.broken[canvas.path] = canvas.mistake
            written += 1
    (out / MANIFEST).write_text(json.dumps(corpus.manifest(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return corpus


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a corpus of canvases for the benchmarks.")
    parser.add_argument("--count", type=int, required=True, help="number of canvases")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced if it holds a corpus)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument(
        "--broken-ratio",
        type=float,
        default=0.0,
        metavar="R",
        help="share of canvases (0..1) that get one realistic mistake each (default 0: all valid)",
    )
    parser.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the day the canvases are written, which their dates follow (default: today)",
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    if not 0.0 <= args.broken_ratio <= 1.0:
        parser.error("--broken-ratio must be between 0 and 1")
    corpus = generate(args.out, args.count, args.seed, args.broken_ratio, args.as_of)
    langs = ", ".join(f"{k} {v}" for k, v in sorted(corpus.languages.items()))
    what = f"{corpus.count} canvas{'es' if corpus.count != 1 else ''}"
    size = f"{corpus.bytes / 1024:.0f} KiB, {corpus.bytes / corpus.count:.0f} B average"
    print(f"wrote {what} ({size}; {langs}; {len(corpus.broken)} with a mistake; as of {corpus.as_of}) to {corpus.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
