"""Every text vplint shows, in Chinese (简体中文): message id -> text.

The same ids as :mod:`vplint.i18n.en`, with the same ``{placeholders}``; see :mod:`vplint.i18n`.
"""

MESSAGES: dict[str, str] = {
    # the file itself
    "file.empty": "文件是空的：画布应以两行 '---' 之间的元数据块开头",
    "file.binary": "这不是文本文件（包含 NUL 字节）",
    "file.wrong_encoding": "文件以 {encoding} 编码保存；请另存为 UTF-8",
    "file.invalid_utf8": "文件不是有效的 UTF-8（此处字节 {byte}）；请另存为 UTF-8",
    "file.too_large": "文件超过 {limit}；画布通常只有几 KB，因此未检查",
    # front-matter
    "front_matter.missing": "缺少元数据：文件必须以 '---' 行开头，接着是 YAML 格式的画布元数据，再以 '---' 行结束",
    "front_matter.unclosed": "元数据块没有结束：请在元数据后加一行 '---'",
    "front_matter.unclosed_at": (
        "元数据块没有结束，整个文件都被当作元数据读取，其他内容均未检查："
        "请在元数据之后加一行 '---'（第一个标题在第 {heading} 行）"
    ),
    "front_matter.empty": "元数据为空：请填写 id、account、decision_maker、offering、owner 和 updated",
    "front_matter.yaml": "元数据不是有效的 YAML：{problem}",
    "front_matter.not_mapping": "元数据必须是“键: 值”形式的行，而不是列表或单个值",
    "front_matter.duplicate_key": "元数据中 '{key}' 出现了两次；第二个被忽略",
    "front_matter.alias": "画布中不允许使用 YAML 锚点和别名（&name、*name）",
    "front_matter.too_deep": "元数据嵌套过深（超过 {limit} 层）或过大",
    "front_matter.tag": "画布中不允许使用 YAML 标签 '{tag}'",
    "front_matter.complex_key": "元数据的键必须是纯文本",
    # structure
    "section.duplicate": "章节“{section}”出现了两次；其内容按同一章节读取",
    "section.two_sections": (
        "标题“{heading}”写了两个章节：“{first}”和“{second}”；按“{first}”读取：请给每个章节单独写一个“##”标题"
    ),
    "field.duplicate": "该条目中字段“{field}”出现了两次；第二个被忽略",
    # schema
    "schema.missing_section": "画布缺少“{what}”章节；请添加“## {label}”标题及其条目",
    "schema.empty_section": "“{what}”章节没有条目；请以“### {example} 标题”的形式添加",
    "schema.guessed_section": (
        "“## {heading}”不是 vplint 认识的章节标题；您是不是想写“## {label}”？"
        "画布没有“{what}”章节，vplint 暂按它读取这一节"
    ),
    "schema.missing_key": "元数据缺少 '{key}'",
    "schema.missing_field": "{item} 缺少“{field}”字段",
    "schema.missing_id": "该{what}条目没有编号；请在标题开头写上编号，如“### {example} 标题”",
    "schema.unknown_value": "“{value}”不是已知的{vocabulary}{hint}",
    "schema.unknown_key": "未知的元数据键 '{key}'{hint}",
    "schema.wrong_type": "'{key}' 必须是{expected}",
    "schema.yaml_mapping_item": (
        "'{key}' 的每一项都必须是文本，但 YAML 把“{line}”读成了键和值（因为其中的冒号）；请给这一行加上引号：- {quoted}"
    ),
    "schema.empty_value": "'{key}' 没有值",
    "schema.bad_canvas_id": "画布编号“{value}”只能由小写字母、数字以及其间的单个 '-'、'_' 或 '.' 组成，如 'acme-cfo'",
    "schema.bad_item_id": "编号“{value}”应为 '{prefix}' 加数字，如 '{prefix}1'",
    "schema.bad_ref": "“{value}”不是问题编号；问题编号形如 'P1'",
    "schema.bad_date": "“{value}”不是日期；请按 YYYY-MM-DD 格式书写，如 2026-11-20",
    "schema.other": "{detail}",
    "hint.did_you_mean": "；您是不是想写 {options}？",
    "hint.accepted": "；可用的值：{options}",
    "hint.areas_of": "；“{parent}”的领域有：{options}",
    "hint.areas_of_close": "；您是不是想写 {close}？“{parent}”的领域有：{options}",
    "hint.categories_of": "；{parent}变化的类别有：{options}",
    "hint.categories_of_close": "；您是不是想写 {close}？{parent}变化的类别有：{options}",
    # rules
    "C001.missing": "{item} 没有诊断；请添加“{field}：<方法> —— 发现”，方法可用 {methods}",
    "C001.no_method": "该诊断没有写明方法；请以适合“{type}”问题的方法开头：{methods}",
    "C001.mismatch": "“{method}”是“{method_type}”问题的诊断方法，而 {item} 是“{type}”；请使用 {methods}",
    "C002.missing": "{item} 没有对应的策略层级；请添加“{field}：<层级>/<领域>”，如 {example}",
    "C002.mismatch": "领域“{area}”属于“{area_level}”层级，而不是“{level}”；“{level}”的领域有：{areas}",
    "C003.none": (
        "没有任何动机有变化的证据：请至少为一个动机写明“{change}”（发生了什么变化），以及带日期和来源的“{evidence}”"
        "（何时发生、从何得知）{hint}"
    ),
    "C003.partial": "{item} 最接近变化证据，但缺少{missing}{hint}",
    "C003.date_forms": (
        "；可用的日期写法：2026年11月10日、2026年11月、11月10日（年份取自 updated）、2026-11-10、2026/11/10、"
        "10 Nov 2026、Nov 10, 2026、November 2026"
    ),
    "C003.no_year": (
        "；“{date}”没有年份，而 updated 不是有效日期（YYYY-MM-DD），无法推断年份：请写上年份，如“2026年11月10日”"
    ),
    "C004.duplicate": "编号 {id} 在本画布中重复使用（首次出现在第 {first} 行）",
    "C005.unresolved": "{item} 解决 {ref}，但画布中没有问题 {ref}{hint}",
    "C005.unresolved_for": "{item} 针对 {ref}，但画布中没有问题 {ref}{hint}",
    "C005.unresolved_action": "行动“{item}”作用于 {ref}，但画布中没有动机 {ref}{hint}",
    # pieces
    "piece.what_changed": "变化内容（有描述的“变化”）",
    "piece.when": "证据中的日期",
    "piece.source": "证据中的来源",
    "piece.and": "和",
    "type.list": "列表",
    "type.text": "文本",
    "type.mapping": "“键: 值”形式的行",
    # summaries (reporters)
    "summary.clean": "全部通过：检查了 {files}，没有发现问题。",
    "summary.found": "在 {files}中发现 {counts}。",
    "summary.found_of": "在 {files}中发现 {counts}（共检查了 {checked}）。",
    "summary.fixable": "其中 {n} 个可用 'vplint check --fix' 自动修正（标有 [*]）。",
    "summary.suppressed": "已在 {files}中抑制 {findings}：每处都加了注释；修正后请删除注释。",
    "summary.fixed": "已在 {files}中修正 {fixes}。",
    "summary.would_fix": "将在 {files}中修正 {fixes}。",
    "count.findings": "{n} 处",
    "count.unreadable": "{n} 个文件无法读取",
    "count.files": "{n} 个文件",
    "count.errors": "{n} 个错误",
    "count.warnings": "{n} 个警告",
    "count.infos": "{n} 条提示",
    "report.extra": "上一次运行留下的多余文件：{path}",
    "report.files": "{n} 个文件",
    "report.missing": "缺少：{path}",
    "report.stale": "已过时：{path}",
    "report.not_fresh": "{dir} 中的报告不是最新的（有 {n} 个文件要写入或删除）：请去掉 --check 运行 vplint report。",
    "report.fresh": "{dir} 中的报告是最新的（{total} 个文件）。",
    "report.history.shallow": (
        "这是一个浅克隆，报告中没有趋势：请获取完整历史（git fetch --unshallow；GitHub Actions 中 actions/checkout 设"
        " fetch-depth: 0；GitLab CI "
        "中设 GIT_DEPTH: 0）。已写入当前工作区的报告。"
    ),
    "report.history.no-commits": "仓库还没有任何提交，报告中没有趋势。已写入当前工作区的报告。",
    "report.history.not-a-repository": "画布不在 git 仓库中（或未安装 git），报告中没有趋势。已写入当前工作区的报告。",
    "report.wrote": "已将 {files} 写入 {dir}（{canvases} 份画布）。",
    "cli.cannot_fix": "{path}：无法修正：{reason}",
    "cli.stdin_alone": "“-”表示从标准输入读取一份画布：不能再同时给出其他路径",
    "cli.no_path": "{path}：文件或目录不存在",
    "cli.unreadable": "{path}：无法读取：{reason}",
    "cli.cannot_write": "{path}：无法写入：{reason}",
    "cli.write_hard_links": "该文件有 {n} 个硬链接，替换它会断开这些链接；请手动修改，或先删除其他链接",
    "cli.write_owner": "该文件属于另一个用户（uid {uid}），替换它会把所有者改成你；请以文件所有者的身份运行 vplint",
    "cli.write_group": "无法保留该文件的用户组（gid {gid}）；请以该组成员的身份运行 vplint",
    # C002 need-strategy
    "C002.example": "运营/服务流程",
    # D001 kpis
    "D001.empty": "决策人的 KPI 列表是空的：请至少列出一项决策人被考核的指标，如“- 系统可用率 99.95%”",
    "D001.missing": (
        "决策人没有 KPI：请在 decision_maker 下添加“kpis:”列表，至少列出一项决策人被考核的指标，如“- 系统可用率 99.95%”"
    ),
    # D002 driver-fits-offering
    "D002.differentiated": (
        "差异化产品的采购通常由最终使用或收益的业务部门（business-unit）推动，而不是只看价格的商务部门（commercial）："
        "请确认本画布针对的是推动采购的决策人，或者该产品其实是同质化产品"
    ),
    "D002.commodity": (
        "同质化产品的采购通常由商务部门（commercial）推动，而不是业务部门（business-unit）："
        "请确认本画布针对的是推动采购的决策人，或者该产品其实是差异化产品"
    ),
    # P001 problem-type
    "P001.missing": "{item} 没有写明问题类型：请添加“{field}：<类型>”，可用 {types}（今不如昔、未雨绸缪、梦寐以求）",
    # P002 ideal-target
    "P002.neither": (
        "{item} 既没有写明目标，也没有写明期限：请写出什么时间达成什么目标，如“2028年底前营业利润率达到14%”，"
        "或添加“{target}：”和“{deadline}：”"
    ),
    "P002.no_target": "{item} 没有写明具体目标：请用数字写出要达成什么，如“营业利润率达到14%”，或添加“{target}：”",
    "P002.no_deadline": "{item} 没有写明期限：请写出目标在什么时间达成，如“2028年底前”，或添加“{deadline}：”",
    # P003 better-past
    "P003.missing": (
        "{item} 没有写明以前更好的状况：请写出想恢复的过去或比较的对象，如“比去年多”“2024年重组以来”，或添加“{field}：”"
    ),
    # P004 risk-precedent
    "P004.missing": (
        "{item} 没有写明前车之鉴或征兆：请写出别人或客户自己以前遇到过什么，或出现了哪些征兆，可添加“{precedent}：”"
        "或“{symptom}：”，或用{methods}做诊断"
    ),
    # P005 unsolved-problem
    "P005.unsolved": (
        "没有任何需求解决 {item}：请在解决它的需求的“{field}”中加上 {item}，或补充这个需求；如果我们的产品解决不了它，"
        "可以删除该问题"
    ),
    # N001 need-solves
    "N001.missing": "{item} 没有写明解决哪个业务问题：请添加“{field}：P1”，列出该需求解决的问题",
    # N002 strategy-chain
    "N002.missing": (
        "{item} 属于“{level}”层级，但没有写明服务于哪个更高层级的策略：请添加“{field}：{example}”，可用 {higher}"
    ),
    "N002.not_higher": "{item} 属于“{level}”层级，不能服务于不比它高的“{served}”：请服务于 {higher}",
    "N002.not_higher_financial": (
        "{item} 属于最高的财务层级，不能服务于“{served}”：财务层级的需求只能服务于上级组织的财务策略"
    ),
    "N002.example.customer": "财务/收入和利润",
    "N002.example.operations": "客户/老客户维护",
    "N002.example.learning-growth": "运营/服务流程",
    # T001 conversion-trigger
    "T001.missing": (
        "画布没有说明是什么让潜在需求变成明确需求；请添加“## {section}”章节，并写一行“- {field}：<触发>”，可用 "
        "{triggers}"
    ),
    "T001.empty": "该章节没有写触发；请添加一行“- {field}：<触发>”，可用 {triggers}",
    "T001.guessed": (
        "“## {heading}”不是 vplint 认识的章节标题；您是不是想写“## {section}”？vplint 暂按写触发的章节读取它"
    ),
    # M001 motivator-kind
    "M001.missing": "{item} 没有写明属于九种动机中的哪一种；请添加“{field}：<类型>”，可用 {kinds}",
    # M002 change-classified
    "M002.unclassified": "该变化没有分类；请以“<范围>/<类别> —— ”开头，如 {example}；范围可用 {scopes}",
    "M002.no_category": "该{scope}变化没有类别；请写在范围之后（“{scope}/<类别> —— ”），可用 {categories}",
    "M002.mismatch": "“{category}”属于{category_scope}变化，而不是{scope}变化；{scope}变化的类别有：{categories}",
    "M002.no_continuity": (
        "{item} 没有写明变化是突发的还是渐变的；请添加“{field}：{discontinuous}”或“{field}：{continuous}”"
    ),
    "M002.example": "“外部/政策 —— 新规明年起施行”",
    # M003 boiling-frog
    "M003.frog_one": (
        "唯一有证据的变化（{item}）是渐变且没有质变：“温水煮青蛙”不会产生动机；请在“{shift}”中写明量变如何引起了质变，"
        "或找出一个突发（非连续）的变化"
    ),
    "M003.frog": (
        "{item} 的变化是渐变且没有质变：“温水煮青蛙”不会产生动机，与其他动机无关；"
        "请在“{shift}”中写明量变如何引起了质变，或去掉这个动机"
    ),
    # M004 motivation-chain
    "M004.incomplete": (
        "没有任何动机写全“{chain}”这条链；{item} 最接近，但缺少{missing}；请补上缺少的环节，并确认各环节相互印证"
    ),
    # M005 evidence-age
    "M005.future": "该证据的日期 {date} 晚于今天（{today}）；证据应是已经得知的事实，请核对日期",
    "M005.old": "该证据中最晚的日期 {date} 距今已 {days} 天（超过 {max} 天）；请确认变化仍然成立，并补充近期的来源",
    # M006 overused-motivators
    "M006.only_overused": (
        "这里的动机全是{kinds}：降价和标杆案例是最常被滥用的两种动机，也最容易被竞争对手跟进；请寻找其他动机：{others}"
    ),
    # A001 lever-planned
    "A001.missing": (
        "画布没有计划任何激发客户动机的行动；请添加“## {section}”章节，每种手段一行并写明要做什么，如“- {example}”，"
        "可用 {levers}"
    ),
    "A001.empty": "这里没有计划任何手段；请每种手段写一行并写明要做什么，如“- {example}”，可用 {levers}",
    "A001.example": "告知：同步新规施行时间表",
    "A001.guessed": (
        "“## {heading}”不是 vplint 认识的章节标题；您是不是想写“## {section}”？vplint 暂按计划激发手段的章节读取它"
    ),
    "A001.unread": (
        "这里没有一行写的是激发手段：vplint 读到的是{keys}；请每种手段写一行并写明要做什么，"
        "如“- {example}”，可用 {levers}{hint}"
    ),
    "A001.unknown_lever": "“{key}”不是激发手段，这一行不算计划；可用 {levers}{hint}",
    # M007 motivator-for
    "M007.missing": "{item} 没有写明它让哪个问题变得更重要或更紧急：请添加“{field}：P1”",
    # A002 action-on-change
    "A002.missing": "没有任何行动作用于带有变化证据的动机 {item}：请在行动中写明它，例如“{example}”",
    "A002.example": "告知（{id}）：同步变化的时间表",
    # N003 need-objective
    "N003.missing": (
        "{item} 处于或服务于财务层级，却没有写明领导目标：请添加“{field}：……”，用领导自己的话写出已承诺的目标"
    ),
    # N004 need-sponsor
    "N004.missing": "{item} 服务于高于自身层级的策略，却没有写明支持者：请添加“{field}：……”，写明那位领导",
    # N005 stated-need
    "N005.undiagnosed": (
        "{item} 是客户提出的需求，却没有解决任何已诊断的问题：请找出背后的业务问题，并为它写上“{diagnosis}”"
    ),
    # Y004 buying-role-key
    "Y004.move": "购买角色写在了“{written}”下：请写在“{key}”下",
    # H001 stale-canvas
    "H001.stale": (
        "画布最后更新于 {date}，距今已 {days} 天（超过 {max} 天）；请结合客户的最新情况复核，并把 updated 改为复核当天"
    ),
    "H001.future": "updated 为 {date}，晚于今天（{today}）；请填写最后一次修改画布的日期",
    # H002 placeholder
    "H002.placeholder": "这里还留着占位内容“{text}”；请替换为实际内容，或删除",
    # X001 duplicate-canvas-id
    "X001.duplicate": "画布编号“{id}”已被 {other} 使用",
    # X002 duplicate-decision-maker
    "X002.duplicate": "{other} 也是 {account} 的{title}的画布；请合并两者，或把职位写得更准确",
    "X002.synonym": "{other} 也是 {account} 的{title}的画布（那里写作“{other_title}”）；请合并两者，或把职位写得更准确",
    # Y001 canonical-spelling
    "Y001.spelling": "请写作“{canonical}”，而不是“{written}”",
    # Y002 separators
    "Y002.colon": "冒号请写作“{canonical}”",
    "Y002.separator": "说明文字请用“{canonical}”分隔",
    "Y002.pair": "两个术语之间请用“{canonical}”连接（层级/领域、范围/类别）",
    "Y002.close": "请去掉右括号，分类写作“范围/类别”",
    # Y003 sorted-references
    "Y003.order": "请按编号顺序列出问题，不要重复：{canonical}",
    # U001 unused-suppression
    "U001.unused": "此处对 {codes} 的抑制没有抑制任何问题；请删除",
    "U001.unused_all": "此抑制注释没有抑制任何问题；请删除",
    "U001.unknown": "“{code}”不是 vplint 的规则编号或名称",
    # what one item of a section is called (vplint.model.labels)
    "label.item.problems": "问题",
    "label.item.needs": "需求",
    "label.item.motivators": "动机",
    "label.item.actions": "行动",
    # vplint brief
    "brief.blocked": "{path}：未生成简报：画布有 {errors}（请先修正，或用 --allow-errors 生成标注“不完整”的简报）",
    "brief.unbriefable": "{path}：未生成简报：无法读取为画布",
    "brief.incomplete": "{path}：简报不完整：画布有 {errors}",
    "brief.account_clash": "{account}：未生成客户简报：{name} 已是客户 {other} 的简报"
    "（请让两个客户名称的差别不只是大小写或标点）",
    "brief.clash": "{path}：未生成简报：{name} 已是 {other} 的简报（请为画布设置不同的 id）",
    "brief.stale": "{path}：已过期",
    "brief.missing": "{path}：缺失",
    "brief.extra": "{path}：警告：没有画布生成此文件（若对应画布已删除，请删除它）",
    "brief.fresh": "{dir} 中的 {n} 份简报都是最新的。",
    "brief.not_fresh": "{dir} 中 {total} 份简报有 {n} 份需要重新生成：请运行 'vplint brief {cmd}'。",
    "brief.wrote": "已将 {written} 写入 {dir}（{unchanged} 份无变化）。",
    "brief.none": "没有要生成的简报。",
    "brief.format_clash": "--format {fmt} 与模板文件 {file} 不符，该模板生成 {own}",
    "brief.briefs": "{n} 份简报",
    "brief.template_name": (
        "{where}：拒绝读取模板 '{name}'：模板应以它在模板文件夹内的相对路径命名，用 '/' 分隔，不含 '..'"
    ),
    "brief.template_outside": "{where}：拒绝读取模板 '{name}'：它指向所在文件夹 {folder} 之外（{target}）",
    "brief.worker_stopped": "一个工作进程在回复之前停止了（退出码 {code}），没有写入任何简报。"
    "请重新运行，或用 --jobs 1 在单个进程中生成",
    "brief.render_steps": "{where}：渲染在 {n} 步后停止（已达上限）：循环是否太大？",
    "brief.render_time": "{where}：渲染在 {seconds} 秒后停止（已达上限）：循环是否太大？",
    "brief.render_size": "{where}：渲染已停止：简报将超过 {n} 个字符（已达上限）：循环或重复的文本是否太大？",
    # vplint init
    "init.created": "已创建      {path}",
    "init.overwritten": "已覆盖      {path}",
    "init.kept": "保留        {path}（已存在；--force 可覆盖）",
    "init.nothing": "没有写入任何文件：所有文件都已存在（--force 可覆盖）。",
    "init.next": (
        "下一步：\n"
        "  1. 在 .pre-commit-config.yaml（以及从 git 安装时的 CI 文件）中，把 vplint 仓库地址和 rev\n"
        "     改为你们团队托管 vplint 的位置。\n"
        "  2. git init（如果还不是仓库），然后：pip install pre-commit && pre-commit install\n"
        "  3. vplint new canvases/<客户>-<角色>.zh.md --account ... --title ... --function ...\n"
        "  4. vplint check"
    ),
    # vplint new
    "new.exists": "{path} 已存在；请换一个文件名，或用 --force 覆盖",
    "new.suffix": "{path}：画布是 markdown 文件，文件名应以 .md 结尾",
    "new.no_id": "无法从客户、职位或文件名生成画布编号；请用 --id 指定，如 --id huaxin-cio",
    "new.bad_id": "--id {id!r}：只能使用小写字母和数字，中间用单个 '-'、'_' 或 '.' 连接（最多 80 个字符）",
    "new.created": "已创建 {path}：请替换其中 {n} 处 <提示>；'vplint check {path}' 会列出还需要填写的地方",
    # what brief templates reach with t(key): the customer's framing of each problem type (method §2)
    "ui.framing.problem-solving": "恢复过去：今不如昔，希望找回曾经的美好",
    "ui.framing.risk-prevention": "保持现在：未雨绸缪，不重蹈他人的覆辙",
    "ui.framing.ideal-pursuit": "追求理想：梦寐以求，希望未来更美好",
    "ui.framing.other": "未注明类型",
    # who drives a purchase (method §1)
    "ui.driver.business-unit": "最终使用或收益的业务部门",
    "ui.driver.technical-evaluation": "技术评估部门",
    "ui.driver.commercial": "商务（采购）部门",
    "ui.driver.finance": "财务部门（负责预算审批，权力因企业而异）",
    # the conversion triggers (method §5)
    "ui.trigger.more-resources": "有更多可用资源，或现有资源被释放",
    "ui.trigger.higher-priority": "问题变得更重要、更紧急或更值得解决",
    "ui.trigger.solution-appears": "出现了客户期待的解决方案",
    # the four levers (method §8)
    "ui.lever.inform": "告知客户可能不了解的内外部变化",
    "ui.lever.analyse": "分析现象背后的变化，让客户意识到现象会一直存在",
    "ui.lever.empathise": "同理客户的情绪感受：焦虑或渴望",
    "ui.lever.relationship": "维护客情关系",
    # small words
    "ui.severity.error": "错误",
    "ui.severity.warning": "警告",
    "ui.severity.info": "提示",
    "ui.where.front-matter": "元数据",
    "ui.where.canvas": "画布",
    "ui.step.to-confirm": "待确认",
    # the tags of the question bank's questions (templates/questions): "confirm" or what a question asks about
    "ui.ask.confirm": "确认",
    "ui.ask.root-cause": "根本原因",
    "ui.ask.obstacle": "障碍",
    "ui.ask.baseline": "过去的水平",
    "ui.ask.precedent": "先例或征兆",
    "ui.ask.impact": "影响",
    "ui.ask.motivation": "动机",
    "ui.ask.evidence": "证据",
    "ui.ask.tipping-point": "质变点",
    "ui.ask.stated-need": "客户提出的需求",
    "ui.ask.objective": "领导目标",
    "ui.ask.sponsor": "支持者",
    "ui.ask.kpi": "KPI",
    "ui.ask.authority": "决策权限",
    "ui.ask.evaluation": "评估",
    "ui.ask.decision": "拍板时机",
    "ui.ask.trigger": "触发条件",
    "ui.ask.and": "和",
    # the canvas skeleton 'vplint new' writes (vplint.scaffold.skeleton)
    "skeleton.kpi": "<决策人的考核指标（KPI），如：应收账款周转天数低于 45 天>",
    "skeleton.owner": "<你的姓名或邮箱>",
    "skeleton.function": "<决策人的业务职能，用客户自己的话写>",
    "skeleton.authority": "<决策人可以自行决定的范围，例如500万元以内的投入>",
    "skeleton.evaluator_title": "<替决策人评估这次采购的人>",
    "skeleton.evaluator_function": "<此人的职能>",
    "skeleton.evaluates": "<评估什么：可行性、市场调研、系统集成>",
    "skeleton.decision_point": "<决策人何时拍板，例如预算评审会>",
    "skeleton.field.needs.objective": "<这个需求服务的领导目标，用领导自己的话写>",
    "skeleton.field.motivators.for": "P1",
    "skeleton.heading": "{account}：{title} 价值主张引导画布",
    "skeleton.intro": (
        "由 `vplint new` 生成。请把每个 <提示> 替换为从客户那里了解到的内容；不适用的行请删除。\n"
        "`vplint check` 会列出还需要填写的地方。"
    ),
    "skeleton.problems": "每个业务问题一个条目（P1、P2……）。各类问题的诊断方法：",
    "skeleton.needs": "每个需求一个条目（N1、N2……）。策略层级及其领域：",
    "skeleton.motivators": "每个动机一个条目（M1、M2……）。九种客户动机：",
    "skeleton.changes": "各范围的变化：",
    "skeleton.actions": "每种要用的手段写一行，删除不用的。",
    "skeleton.item_problem": "<用决策人的话说出的业务问题>",
    "skeleton.item_need": "<决策人为解决 P1 会购买什么>",
    "skeleton.item_motivator": "<决策人为什么现在会行动，简短几个字>",
    # skeleton: the prompt in each field of a problem
    "skeleton.field.problems.diagnosis": "<诊断方法 —— 发现了什么>",
    "skeleton.field.problems.root_cause": "<诊断指向的根本原因>",
    "skeleton.field.problems.baseline": "<仅问题解决型：想要恢复的、以前更好的状况；否则删除此行>",
    "skeleton.field.problems.precedent": "<仅防范隐患型：同行或客户自己发生过的事；否则删除此行>",
    "skeleton.field.problems.symptom": "<仅防范隐患型：检查过的征兆；否则删除此行>",
    "skeleton.field.problems.target": "<仅追求理想型：要达成什么目标；否则删除此行>",
    "skeleton.field.problems.deadline": "<仅追求理想型：什么时间达成；否则删除此行>",
    # skeleton: the prompt in each field of a need
    "skeleton.field.needs.solves": "P1",
    "skeleton.field.needs.strategy": "<这个需求服务的层级/领域，如：运营/服务流程>",
    "skeleton.field.needs.serves": "<它所服务的更高层级策略，如：财务/支出和效率；层级为财务时删除此行>",
    "skeleton.field.needs.sponsor": "<必须支持这次采购的更高层领导>",
    # skeleton: the prompt in each field of a motivator
    "skeleton.field.motivators.kind": "<九种客户动机中的哪一种>",
    "skeleton.field.motivators.change": "<范围/类别 —— 发生了什么变化，什么时候>",
    "skeleton.field.motivators.shift": "<仅连续变化：是什么让量变成了质变；否则删除此行>",
    "skeleton.field.motivators.evidence": "<从哪里得知，注明日期>",
    "skeleton.field.motivators.phenomenon": "<决策人在工作中看到的现象>",
    "skeleton.field.motivators.feeling": "<焦虑还是渴望，因为什么>",
    "skeleton.field.motivators.perception": "<决策人现在怎么看这件事>",
    # skeleton: the prompt on each lever's line
    "skeleton.lever.inform": "<要告诉客户的、他们可能还不知道的变化>",
    "skeleton.lever.analyse": "<要向客户分析的、现象背后的变化>",
    "skeleton.lever.empathise": "<要体会和回应的客户感受>",
    "skeleton.lever.relationship": "<如何维护客情关系>",
    # the rules reference and 'vplint explain' (vplint.rules.docs)
    "docs.title": "# 规则",
    "docs.intro": (
        "由 `python -m vplint.rules.docs` 根据规则模块生成，请勿手工编辑。[English](rules.md)\n"
        "\n"
        "每个问题都有编号，字母表示涉及画布的哪一部分，§ 后的数字是这一部分在[方法](method.zh.md)中的章节："
        "**F** 文件本身，**S** 画布结构（JSON schema），**C** "
        "核心完整性检查，**D** 决策人（§1），**P** 业务问题（§2–3），**N** 需求与策略（§3–4），**T** "
        "需求转变触发（§5），**M** 动机与变化（§6–7），**A** 激发动机的行动（§8），**H** 卫生检查，**X** 跨文件检查，"
        "**Y** 书写风格（由 `--fix` 修正，`check` 默认不报告），**U** 抑制注释。严重级别为默认值，"
        "可在配置中修改（见[配置](configuration.zh.md)）。`vplint explain 编号` 可打印单条规则说明。"
    ),
    "docs.summary": "## 总览",
    "docs.cols": "| 编号 | 名称 | 默认级别 | 修正 | 检查内容 |",
    "docs.builtin": "## 文件与结构检查（F、S）",
    "docs.severity": "默认级别",
    "docs.off": "关闭（风格规则：选择后报告，由 `--fix` 修正）",
    "docs.fixable": "可自动修正",
    "docs.yes": "是（`vplint check --fix`）",
    "docs.no": "否",
    "docs.options": "选项",
    "docs.opt_cols": "| 选项 | 默认值 | 含义 |",
    "docs.bad": "不通过",
    "docs.good": "通过",
    "docs.severities.error": "错误",
    "docs.severities.warning": "警告",
    "docs.severities.info": "提示",
    "docs.severities.off": "关闭",
    # SARIF: the examples in a rule's help text
    "sarif.bad": "不通过：",
    "sarif.good": "通过：",
    # vplint lsp: the language server's own findings and the titles of its code actions
    "lsp.rule_failed": "规则 {code}（{name}）检查本画布时出错，它的检查结果缺失：{error}",
    "lsp.cross_file_failed": "规则 {code}（{name}）出错，跨文件检查没有运行：{error}",
    "lsp.internal_error": "vplint 无法检查本画布：{error}",
    "lsp.config_error": "vplint 无法使用配置：{error}",
    "lsp.fix": "vplint：修复 {code}（{name}）",
    "lsp.fix_all": "vplint：应用所有安全修复（与 vplint check --fix 相同）",
    "lsp.add_skeleton": "vplint：补上 {what}（待填写）",
    "lsp.suppress_line": "vplint：在这一行屏蔽 {code}",
    "lsp.suppress_file": "vplint：在本文件中屏蔽 {code}",
    # the team report's pages (vplint report, vplint/team/site.py)
    "site.site": "vplint 团队报告",
    "site.nav": "报告页面",
    "site.nav.overview": "团队概览",
    "site.nav.accounts": "客户",
    "site.nav.reps": "销售",
    "site.footer": "由 vplint {version} 于 {today} 根据仓库中的画布生成。各项时长计算到 {today}。",
    "site.overview.title": "团队概览",
    "site.overview.sub": "截至 {today} 团队的价值主张引导画布：缺了什么，哪些过时，团队倚重什么。",
    "site.canvases": "份画布",
    "site.accounts": "个客户",
    "site.reps": "位销售（画布负责人）",
    "site.tile.clean": "无问题（{total} 份中 {n} 份：无错误、无警告）",
    "site.tile.stale": "份画布已过时（H001）",
    "site.severity.error": "错误",
    "site.severity.warning": "警告",
    "site.severity.info": "提示",
    "site.drivers.title": "缺少采购推动者画布的客户",
    "site.drivers.some": "{total} 个客户中有 {n} 个，没有推动其所购产品采购的那个购买角色的画布。",
    "site.drivers.none": "每个客户（共 {total} 个）都有推动采购的购买角色的画布。",
    "site.account": "客户",
    "site.offering": "产品类型",
    "site.drives": "推动采购",
    "site.roles-present": "已有画布的购买角色",
    "site.driver-unknown": "未知：未写明产品类型",
    "site.no-account": "（无客户）",
    "site.no-owner": "（无负责人）",
    "site.none": "无",
    "site.not-stated": "未写明",
    "site.reps.title": "销售与过时的画布",
    "site.reps.answer": "{total} 份画布中有 {stale} 份已过时：其 updated 日期早于 H001 允许的范围。",
    "site.owner": "负责人",
    "site.oldest-update": "最早的更新",
    "site.evidence-age": "证据时长（平均，天）",
    "site.chart.stale": "每位销售的过时画布",
    "site.chart.stale.caption": "每位销售的过时画布数 / 画布总数（突出显示：有过时画布的销售）。",
    "site.motivators.title": "动机构成：团队是否倚重价格？",
    "site.motivators.none": "尚未记录任何动机。",
    "site.motivators.leaning": (
        "是：“成本或风险更小”（折扣）占全部动机的 {share}%（{total} 个中 {n} 个），是用得最多的动机，或超过四分之一。"
    ),
    "site.motivators.not-leaning": "否：“成本或风险更小”（折扣）占全部动机的 {share}%（{total} 个中 {n} 个）。",
    "site.motivators.overused": (
        "最常被滥用的两种动机——折扣与案例（落伍的压力或领先的渴望）——合计占 {share}%；有 {alone} 份画布只依赖这两种动"
        "机（M006）。"
    ),
    "site.chart.motivators": "各类动机的数量",
    "site.chart.motivators.caption": "突出显示：销售最常滥用的折扣与案例。",
    "site.trends.title": "趋势",
    "site.trends.sub": "自 {since} 起共 {n} 周，每周取该周最后一次提交。",
    "site.trends.findings.caption": "每个文件自身的问题；以往各周不计跨文件规则（X）和时效规则（H001、M005）。",
    "site.trends.table": "按周列表",
    "site.week-ending": "周末日期",
    "site.commit": "提交",
    "site.clean": "无问题",
    "site.clean-share": "无问题占比（%）",
    "site.chart.trend-canvases": "每周的画布数与无问题画布数",
    "site.chart.trend-share": "每周无问题画布的占比（%）",
    "site.chart.trend-findings": "每周未解决的问题，按严重程度",
    "site.chart.trend-evidence": "每周最新证据的平均时长（天）",
    "site.history.shallow": (
        "没有趋势：这是一个浅克隆。请获取完整历史（git fetch --unshallow；GitHub Actions 中 actions/checkout 设 fetch"
        "-depth: 0；GitLab CI 中设 "
        "GIT_DEPTH: 0）后重新生成报告。本报告只反映当前工作区。"
    ),
    "site.history.no-commits": "没有趋势：仓库还没有任何提交。本报告只反映当前工作区。",
    "site.history.not-a-repository": "没有趋势：画布不在 git 仓库中（或未安装 git）。本报告只反映当前工作区。",
    "site.history.empty": "没有趋势：报告的路径都不在仓库历史中。",
    "site.findings.title": "按规则代码统计的问题",
    "site.findings.none": "没有任何问题：每份画布都无问题。",
    "site.chart.codes": "按规则代码统计的未解决问题",
    "site.chart.codes.caption": "出现最多的十二个代码；vplint rules 代码 可查看每条规则的说明。",
    "site.weakest.title": "最薄弱的画布",
    "site.weakest.none": "没有：每份画布都无问题。",
    "site.canvas": "画布",
    "site.status": "状态",
    "site.status.clean": "无问题",
    "site.status.stale": "已过时",
    "site.updated": "更新于",
    "site.count.errors": "{n} 个错误",
    "site.count.warnings": "{n} 个警告",
    "site.count.canvases": "{n} 份画布",
    "site.days": "{n} 天",
    "site.line": "第 {n} 行",
    "site.age.title": "画布及其证据的时长",
    "site.chart.updated": "按 updated 日期时长统计的画布",
    "site.chart.evidence": "按最新证据时长统计的画布",
    "site.age.le": "{days} 天以内",
    "site.age.range": "{low}–{high} 天",
    "site.age.gt": "超过 {days} 天",
    "site.diagnosis.title": "各类问题所用的诊断方法",
    "site.problem-type": "问题类型",
    "site.problems": "业务问题",
    "site.methods": "所用诊断方法",
    "site.undiagnosed": "未诊断",
    "site.levels.title": "各战略层级的需求",
    "site.chart.levels": "按平衡计分卡层级统计的需求",
    "site.chart.levels.caption": "每项需求首先服务的战略层级。",
    "site.unreadable.title": "无法读取的文件",
    "site.account.sub": "产品类型：{offering}",
    "site.account.spellings": "写法：{names}",
    "site.account.no-offering": "该客户的画布没有写明所购产品的类型，因此不知道谁推动采购。",
    "site.account.driver-missing": "缺少：{driver}的画布，该产品类型由其推动采购。",
    "site.account.driver-present": "推动采购的{driver}的画布已经具备。",
    "site.account.roles": "按购买角色列出的决策人",
    "site.buying-role": "购买角色",
    "site.decision-maker": "决策人（简报）",
    "site.account.no-canvas-driver": "没有画布：请先为这位决策人写一份。",
    "site.account.no-canvas": "没有画布",
    "site.sponsors": "高层支持者",
    "site.evaluators": "评估人",
    "site.account.side-by-side": "业务问题、需求与动机",
    "site.needs": "需求",
    "site.motivators": "动机",
    "site.owner.sub": "{n} 份画布，按更新时间从早到晚排列，并列出每份还缺什么。",
    "site.owner.nothing-lacking": "不缺什么：无错误、无警告。",
    "site.owner.notes": "另有 {n} 条提示（vplint check 可查看）",
    "site.last-changed": "内容最近一次改动在 {date} 那一周",
    "site.newest-evidence": "最新证据",
}
