"""Every text vplint shows, in English: message id -> text.

The ids are namespaced by where a text is used (see :mod:`vplint.i18n`); :mod:`vplint.i18n.zh`
has the same ids with the same ``{placeholders}``.  ``count.*`` and a few other messages hold a
singular and a plural form split by ``|``.
"""

MESSAGES: dict[str, str] = {
    # the file itself
    "file.empty": "the file is empty: a canvas starts with a front-matter block between two '---' lines",
    "file.binary": "this is not a text file (it contains NUL bytes)",
    "file.wrong_encoding": "the file is saved as {encoding}; save it as UTF-8",
    "file.invalid_utf8": "the file is not valid UTF-8 (byte {byte} here); save it as UTF-8",
    "file.too_large": "the file is larger than {limit}; a canvas is a few kilobytes, so it was not checked",
    # front-matter
    "front_matter.missing": (
        "no front-matter: the file must start with a '---' line, the canvas metadata in YAML, and another '---' line"
    ),
    "front_matter.unclosed": "the front-matter is not closed: add a '---' line after the metadata",
    "front_matter.unclosed_at": (
        "the front-matter is not closed, so the whole file was read as metadata and nothing else was checked: "
        "add a '---' line after the metadata (the first heading is on line {heading})"
    ),
    "front_matter.empty": "the front-matter is empty: fill in id, account, decision_maker, offering, owner and updated",
    "front_matter.yaml": "the front-matter is not valid YAML: {problem}",
    "front_matter.not_mapping": "the front-matter must be 'key: value' lines, not a list or a single value",
    "front_matter.duplicate_key": "'{key}' is given twice in the front-matter; the second one is ignored",
    "front_matter.alias": "YAML anchors and aliases (&name, *name) are not allowed in a canvas",
    "front_matter.too_deep": "the front-matter is nested too deeply (more than {limit} levels) or too large",
    "front_matter.tag": "YAML tags like '{tag}' are not allowed in a canvas",
    "front_matter.complex_key": "a front-matter key must be plain text",
    # structure
    "section.duplicate": "the section '{section}' appears twice; its items are read as one section",
    "section.two_sections": (
        "the heading '{heading}' names two sections, '{first}' and '{second}'; it is read as '{first}': give each "
        "section a '##' heading of its own"
    ),
    "field.duplicate": "the field '{field}' is given twice in this item; the second one is ignored",
    # schema
    "schema.missing_section": "the canvas has no {what} section; add a '## {label}' heading with items",
    "schema.empty_section": "the {what} section has no items; add one as '### {example} title'",
    "schema.guessed_section": (
        "'## {heading}' is not a section heading vplint knows; did you mean '## {label}'? The canvas has no {what} "
        "section, so vplint read this one as it"
    ),
    "schema.missing_key": "the front-matter has no '{key}'",
    "schema.missing_field": "{item} has no '{field}' field",
    "schema.missing_id": "this {what} item has no id; start its heading with one, like '### {example} title'",
    "schema.unknown_value": "'{value}' is not a known {vocabulary}{hint}",
    "schema.unknown_key": "unknown front-matter key '{key}'{hint}",
    "schema.wrong_type": "'{key}' must be {expected}",
    "schema.yaml_mapping_item": (
        "each '{key}' entry must be text, but YAML read '{line}' as a key and a value (because of the colon); "
        "quote the line: - {quoted}"
    ),
    "schema.empty_value": "'{key}' has no value",
    "schema.bad_canvas_id": (
        "the canvas id '{value}' must be lowercase letters, digits and single '-', '_' or '.' between them, like "
        "'acme-cfo'"
    ),
    "schema.bad_item_id": "the id '{value}' must be '{prefix}' and a number, like '{prefix}1'",
    "schema.bad_ref": "'{value}' is not a problem id; write problem ids like 'P1'",
    "schema.bad_date": "'{value}' is not a date; write it as YYYY-MM-DD, like 2026-11-20",
    "schema.other": "{detail}",
    "hint.did_you_mean": "; did you mean {options}?",
    "hint.accepted": "; use one of: {options}",
    "hint.areas_of": "; areas of {parent}: {options}",
    "hint.areas_of_close": "; did you mean {close}? Areas of {parent}: {options}",
    "hint.categories_of": "; categories of {parent} changes: {options}",
    "hint.categories_of_close": "; did you mean {close}? Categories of {parent} changes: {options}",
    # rules
    "C001.missing": "{item} has no diagnosis; add '{field}: <method> - what you found' using {methods}",
    "C001.no_method": "this diagnosis names no method; start it with one that fits a {type} problem: {methods}",
    "C001.mismatch": "'{method}' is a method for {method_type} problems, but {item} is {type}; use {methods}",
    "C002.missing": "{item} maps to no strategy level; add '{field}: <level>/<area>', e.g. {example}",
    "C002.mismatch": "the area '{area}' belongs to the {area_level} level, not {level}; areas of {level}: {areas}",
    "C003.none": (
        "no motivator has evidence of a change: give one motivator a '{change}' (what changed), and an '{evidence}' "
        "naming the source with its date (when, and where it is known from){hint}"
    ),
    "C003.partial": "{item} is the closest to evidence of a change but lacks {missing}{hint}",
    "C003.date_forms": (
        "; dates that count: 2026-11-10, 2026/11/10, 10 Nov 2026, Nov 10, 2026, November 2026, Nov 2026, "
        "2026年11月10日, 2026年11月, and 11月10日 or 10 Nov (the year taken from 'updated')"
    ),
    "C003.no_year": (
        "; '{date}' has no year, and there is no valid 'updated' date (YYYY-MM-DD) to take it from: write the year, "
        "e.g. '2026年11月10日' or '10 Nov 2026'"
    ),
    "C004.duplicate": "the id {id} is used twice in this canvas (first on line {first})",
    "C005.unresolved": "{item} solves {ref}, but the canvas has no problem {ref}{hint}",
    "C005.unresolved_for": "{item} is for {ref}, but the canvas has no problem {ref}{hint}",
    "C005.unresolved_action": "the action '{item}' works on {ref}, but the canvas has no motivator {ref}{hint}",
    # pieces
    "piece.what_changed": "what changed (a Change with a description)",
    "piece.when": "a date in the Evidence",
    "piece.source": "the source in the Evidence",
    "piece.and": " and ",
    "type.list": "a list",
    "type.text": "text",
    "type.mapping": "'key: value' lines",
    # summaries (reporters)
    "summary.clean": "All clean: {files} checked, no problems.",
    "summary.found": "Found {counts} in {files}.",
    "summary.found_of": "Found {counts} in {files} ({checked} checked).",
    "summary.fixable": "{n} fixable with 'vplint check --fix' (marked [*]).",
    "summary.suppressed": "Suppressed {findings} in {files}: each has a comment where it is; "
    "fix it, then remove the comment.",
    "summary.fixed": "Fixed {fixes} in {files}.",
    "summary.would_fix": "Would fix {fixes} in {files}.",
    "count.findings": "{n} finding|{n} findings",
    "count.unreadable": "{n} file not read|{n} files not read",
    "count.files": "{n} file|{n} files",
    "count.errors": "{n} error|{n} errors",
    "count.warnings": "{n} warning|{n} warnings",
    "count.infos": "{n} note|{n} notes",
    "report.extra": "left over from an earlier run: {path}",
    "report.files": "{n} files",
    "report.missing": "missing: {path}",
    "report.stale": "stale: {path}",
    "report.not_fresh": (
        "The report in {dir} is not up to date ({n} of its files to write or remove): run vplint report without "
        "--check."
    ),
    "report.fresh": "The report in {dir} is up to date ({total} files).",
    "report.history.shallow": (
        "this is a shallow clone, so the report has no trends: fetch the full history (git fetch --unshallow; in "
        "GitHub Actions, actions/checkout with fetch-depth: 0; in GitLab CI, GIT_DEPTH: 0). The report of the "
        "working tree is written."
    ),
    "report.history.no-commits": (
        "the repository has no commits yet, so the report has no trends. The report of the working tree is written."
    ),
    "report.history.not-a-repository": (
        "the canvases are not in a git repository (or git is not installed), so the report has no trends. The report "
        "of the working tree is written."
    ),
    "report.wrote": "Wrote {files} to {dir} ({canvases} canvases).",
    "cli.cannot_fix": "{path}: cannot fix: {reason}",
    "cli.stdin_alone": "'-' reads one canvas from standard input: give no other path with it",
    "cli.no_path": "{path}: no such file or directory",
    "cli.unreadable": "{path}: cannot read: {reason}",
    "cli.cannot_write": "{path}: cannot write: {reason}",
    "cli.write_hard_links": (
        "it has {n} hard links, which replacing it would break; edit it by hand, or remove the other links first"
    ),
    "cli.write_owner": (
        "it belongs to another user (uid {uid}), and replacing it would make it yours; run vplint as its owner"
    ),
    "cli.write_group": "its group (gid {gid}) could not be kept; run vplint as a member of that group",
    # C002 need-strategy
    "C002.example": "'operations/service-process'",
    # D001 kpis
    "D001.empty": (
        "the decision-maker's KPI list is empty: list at least one indicator the decision-maker is measured on, e.g. "
        "'- Days sales outstanding under 45'"
    ),
    "D001.missing": (
        "the decision-maker has no KPIs: add a 'kpis:' list under decision_maker with at least one indicator the "
        "decision-maker is measured on, e.g. '- Days sales outstanding under 45'"
    ),
    # D002 driver-fits-offering
    "D002.differentiated": (
        "a differentiated offering is usually driven by the business unit that uses or benefits from it "
        "('business-unit'), not by procurement ('commercial'), who buys on price: check that this canvas addresses the "
        "decision-maker who drives the purchase, or whether the offering is really a commodity"
    ),
    "D002.commodity": (
        "a commodity offering is usually driven by procurement ('commercial'), not by the business unit "
        "('business-unit'): check that this canvas addresses the decision-maker who drives the purchase, or whether "
        "the offering is really differentiated"
    ),
    # P001 problem-type
    "P001.missing": (
        "{item} has no type: add '{field}: <type>' with {types} (worse than before, a risk to prevent, or a goal to "
        "reach)"
    ),
    # P002 ideal-target
    "P002.neither": (
        "{item} states neither a target nor a deadline: write what is to be reached by when, e.g. 'operating margin "
        "14% by FY2028', or add '{target}:' and '{deadline}:'"
    ),
    "P002.no_target": (
        "{item} states no concrete target: write what is to be reached as a number, e.g. 'operating margin 14%', or "
        "add '{target}:'"
    ),
    "P002.no_deadline": (
        "{item} states no deadline: write by when the target is to be reached, e.g. 'by FY2028', or add '{deadline}:'"
    ),
    # P003 better-past
    "P003.missing": (
        "{item} does not say what was better before: name the past it wants back or what it is compared with, e.g. "
        "'since the 2024 reorganisation', 'DSO was 38 days last year', or add '{field}:'"
    ),
    # P004 risk-precedent
    "P004.missing": (
        "{item} names no precedent or warning sign: say what happened to others or to the customer before, or which "
        "warning signs are showing, as '{precedent}:' or '{symptom}:', or a diagnosis by {methods}"
    ),
    # P005 unsolved-problem
    "P005.unsolved": (
        "no need solves {item}: add {item} to the '{field}' of the need that solves it, add that need, or remove the "
        "problem if our offering does not address it"
    ),
    # N001 need-solves
    "N001.missing": "{item} solves no business problem: add '{field}: P1' naming the problems this need solves",
    # N002 strategy-chain
    "N002.missing": (
        "{item} is at the '{level}' level but does not say which higher strategy it serves: add '{field}: {example}', "
        "naming {higher}"
    ),
    "N002.not_higher": (
        "{item} is at the '{level}' level and cannot serve '{served}', which is not above it: serve {higher}"
    ),
    "N002.not_higher_financial": (
        "{item} is at the financial level, the top, and cannot serve '{served}': a financial need serves only the "
        "parent organisation's financial strategy"
    ),
    "N002.example.customer": "financial/revenue-profit",
    "N002.example.operations": "customer/retention",
    "N002.example.learning-growth": "operations/service-process",
    # T001 conversion-trigger
    "T001.missing": (
        "the canvas does not say what will turn the latent need into an explicit one; add a '## {section}' section "
        "with a line '- {field}: <trigger>', using {triggers}"
    ),
    "T001.empty": "this section names no trigger; add a line '- {field}: <trigger>', using {triggers}",
    "T001.guessed": (
        "'## {heading}' is not a section heading vplint knows; did you mean '## {section}'? vplint read it as the "
        "section that names the trigger"
    ),
    # M001 motivator-kind
    "M001.missing": "{item} does not say which of the nine motivators it is; add '{field}: <kind>', using {kinds}",
    # M002 change-classified
    "M002.unclassified": (
        "this change is not classified; start it with '<scope>/<category> - ', e.g. {example}; the scope is {scopes}"
    ),
    "M002.no_category": (
        "this {scope} change has no category; write one after the scope ('{scope}/<category> - '), using {categories}"
    ),
    "M002.mismatch": (
        "'{category}' is a {category_scope} change, not {scope}; categories of {scope} changes: {categories}"
    ),
    "M002.no_continuity": (
        "{item} does not say whether its change is sudden or gradual; add '{field}: {discontinuous}' or '{field}: "
        "{continuous}'"
    ),
    "M002.example": "'external/political - new rules from next year'",
    # M003 boiling-frog
    "M003.frog_one": (
        "the only change with evidence ({item}) is gradual and has no tipping point: 'boiling the frog' creates no "
        "motivation; say in '{shift}' what has turned quantity into quality, or find a sudden (discontinuous) change"
    ),
    "M003.frog": (
        "the change of {item} is gradual and has no tipping point: 'boiling the frog' creates no motivation, whatever "
        "the other motivators show; say in '{shift}' what has turned quantity into quality, or drop this motivator"
    ),
    # M004 motivation-chain
    "M004.incomplete": (
        "no motivator shows the whole chain {chain}; {item} comes closest but has no {missing}; fill in what is "
        "missing and check that the links corroborate each other"
    ),
    # M005 evidence-age
    "M005.future": (
        "this evidence is dated {date}, after today ({today}); evidence is what is already known, so check the date"
    ),
    "M005.old": (
        "the latest date in this evidence, {date}, is {days} days old (more than {max}); confirm the change still "
        "holds and add a recent source"
    ),
    # M006 overused-motivators
    "M006.only_overused": (
        "every motivator here is {kinds}: the price cut and the reference case are the two most over-used motivators "
        "and the easiest for competitors to match; look for another: {others}"
    ),
    # A001 lever-planned
    "A001.missing": (
        "the canvas plans nothing to stir the customer's motivation; add a '## {section}' section with a line per "
        "lever and what you will do, e.g. '- {example}', using {levers}"
    ),
    "A001.empty": (
        "no lever is planned here; add a line per lever and what you will do, e.g. '- {example}', using {levers}"
    ),
    "A001.example": "Inform: share the mandate timeline",
    "A001.guessed": (
        "'## {heading}' is not a section heading vplint knows; did you mean '## {section}'? vplint read it as the "
        "section that plans the levers"
    ),
    "A001.unread": (
        "no line here names a lever: vplint read {keys}; write a line per lever and what you will do, e.g. "
        "'- {example}', using {levers}{hint}"
    ),
    "A001.unknown_lever": "'{key}' is not a lever, so this line plans nothing; use {levers}{hint}",
    # M007 motivator-for
    "M007.missing": "{item} names no problem it makes more important or urgent: add '{field}: P1'",
    # A002 action-on-change
    "A002.missing": (
        "no action works on {item}, the motivator with evidence of a change: name it in an action, "
        "for example '{example}'"
    ),
    "A002.example": "Inform ({id}): share the timeline of the change",
    # N003 need-objective
    "N003.missing": (
        "{item} is at or serves the financial level but names no leader's objective: add '{field}: ...', "
        "the committed objective in the leader's words"
    ),
    # N004 need-sponsor
    "N004.missing": "{item} serves a higher level than its own but names no sponsor: add '{field}: ...', the leader",
    # N005 stated-need
    "N005.undiagnosed": (
        "{item} was stated by the customer but solves no diagnosed problem: find the business problem behind it "
        "and give it a '{diagnosis}'"
    ),
    # Y004 buying-role-key
    "Y004.move": "the buying role is written under '{written}': write it under '{key}'",
    # H001 stale-canvas
    "H001.stale": (
        "the canvas was last updated on {date}, {days} days ago (more than {max}); review it with the latest from the "
        "account and set 'updated' to the day you do"
    ),
    "H001.future": "'updated' is {date}, after today ({today}); write the day you last changed the canvas",
    # H002 placeholder
    "H002.placeholder": "placeholder '{text}' left in; replace it with what you know, or remove it",
    # X001 duplicate-canvas-id
    "X001.duplicate": "the canvas id '{id}' is also used by {other}",
    # X002 duplicate-decision-maker
    "X002.duplicate": "{other} is also a canvas for the {title} of {account}; merge the two or make the titles precise",
    "X002.synonym": (
        "{other} is also a canvas for the {title} of {account} (written '{other_title}' there); "
        "merge the two or make the titles precise"
    ),
    # Y001 canonical-spelling
    "Y001.spelling": "write '{canonical}' instead of '{written}'",
    # Y002 separators
    "Y002.colon": "write the colon as '{canonical}'",
    "Y002.separator": "separate the free text with '{canonical}'",
    "Y002.pair": "join the two terms with '{canonical}' (level/area, scope/category)",
    "Y002.close": "drop the closing bracket: write the classification as scope/category",
    # Y003 sorted-references
    "Y003.order": "list the problems in order, once each: {canonical}",
    # U001 unused-suppression
    "U001.unused": "this suppression of {codes} suppresses nothing; remove it",
    "U001.unused_all": "this suppression suppresses nothing; remove it",
    "U001.unknown": "'{code}' is not a vplint rule code or name",
    # what one item of a section is called (vplint.model.labels)
    "label.item.problems": "problem",
    "label.item.needs": "need",
    "label.item.motivators": "motivator",
    "label.item.actions": "action",
    # vplint brief
    "brief.blocked": (
        "{path}: no brief: the canvas has {errors} (fix them, or use --allow-errors for an incomplete brief)"
    ),
    "brief.unbriefable": "{path}: no brief: the file could not be read as a canvas",
    "brief.incomplete": "{path}: incomplete brief: the canvas has {errors}",
    "brief.account_clash": "{account}: no account brief: {name} is already the brief of the account {other} "
    "(give the accounts names that differ in more than case or punctuation)",
    "brief.clash": "{path}: no brief: {name} is already the brief of {other} (give the canvases different ids)",
    "brief.stale": "{path}: out of date",
    "brief.missing": "{path}: missing",
    "brief.extra": "{path}: warning: no canvas produces this file (delete it if its canvas is gone)",
    "brief.fresh": "All {n} briefs in {dir} are up to date.",
    "brief.not_fresh": "{n} of {total} briefs in {dir} need regenerating: run 'vplint brief {cmd}'.",
    "brief.wrote": "Wrote {written} to {dir} ({unchanged} already up to date).",
    "brief.none": "No briefs to write.",
    "brief.format_clash": "--format {fmt} does not match the template file {file}, which writes {own}",
    "brief.briefs": "{n} brief|{n} briefs",
    "brief.template_name": (
        "{where}: refusing the template '{name}': name a template by its relative path inside the template folder, "
        "with '/' and without '..'"
    ),
    "brief.template_outside": (
        "{where}: refusing the template '{name}': it leads outside its folder {folder} (to {target})"
    ),
    "brief.worker_stopped": "a worker process stopped (exit code {code}) before it answered; no brief was written. "
    "Run again, or with --jobs 1 to brief in one process",
    "brief.render_steps": "{where}: rendering stopped after {n} steps (the limit): a loop too large?",
    "brief.render_time": "{where}: rendering stopped after {seconds} s (the limit): a loop too large?",
    "brief.render_size": (
        "{where}: rendering stopped: the brief would pass {n} characters (the limit): "
        "a loop or a repeated text too large?"
    ),
    # vplint init
    "init.created": "created      {path}",
    "init.overwritten": "overwritten  {path}",
    "init.kept": "kept         {path} (it exists; --force overwrites it)",
    "init.nothing": "Nothing written: every file exists (--force overwrites them).",
    "init.next": (
        "Next:\n"
        "  1. In .pre-commit-config.yaml (and in the CI files, if you install from git), point the vplint\n"
        "     repository URL and rev at where your team hosts vplint.\n"
        "  2. git init (if this is not a repository yet), then: pip install pre-commit && pre-commit install\n"
        "  3. vplint new canvases/<account>-<role>.en.md --account ... --title ... --function ...\n"
        "  4. vplint check"
    ),
    # vplint new
    "new.exists": "{path} already exists; choose another name, or use --force to overwrite it",
    "new.suffix": "{path}: a canvas is a markdown file; end its name in .md",
    "new.no_id": (
        "cannot make a canvas id from the account, the title or the file name; give one with --id, e.g. --id huaxin-cio"
    ),
    "new.bad_id": (
        "--id {id!r}: use lowercase letters and digits, with single '-', '_' or '.' between them (at most 80)"
    ),
    "new.created": "created {path}: replace its {n} <prompts>; 'vplint check {path}' lists what is left to fill",
    # what brief templates reach with t(key): the customer's framing of each problem type (method §2)
    "ui.framing.problem-solving": "Restore the past: today is worse than before",
    "ui.framing.risk-prevention": "Keep the present: prepare for the rain, avoid what happened to others",
    "ui.framing.ideal-pursuit": "Reach the ideal: a better future, or as good as the best",
    "ui.framing.other": "Type not stated",
    # who drives a purchase (method §1)
    "ui.driver.business-unit": "the business unit that uses or benefits from it",
    "ui.driver.technical-evaluation": "the technical evaluation department",
    "ui.driver.commercial": "the commercial (procurement) department",
    "ui.driver.finance": "finance, which approves budgets (its power varies by company)",
    # the conversion triggers (method §5)
    "ui.trigger.more-resources": "more resources become available, or are freed",
    "ui.trigger.higher-priority": "the problem becomes more important, more urgent or more worthwhile",
    "ui.trigger.solution-appears": "the solution they were waiting for appears",
    # the four levers (method §8)
    "ui.lever.inform": "tell them of changes they may not know about",
    "ui.lever.analyse": "show the change behind a phenomenon, so they see it will persist",
    "ui.lever.empathise": "share their feelings: the anxiety or the desire",
    "ui.lever.relationship": "maintain the relationship",
    # small words
    "ui.severity.error": "error",
    "ui.severity.warning": "warning",
    "ui.severity.info": "note",
    "ui.where.front-matter": "front-matter",
    "ui.where.canvas": "canvas",
    "ui.step.to-confirm": "to confirm",
    # the tags of the question bank's questions (templates/questions): "confirm" or what a question asks about
    "ui.ask.confirm": "confirm",
    "ui.ask.root-cause": "root cause",
    "ui.ask.obstacle": "obstacle",
    "ui.ask.baseline": "better past",
    "ui.ask.precedent": "precedent or warning sign",
    "ui.ask.impact": "what is at stake",
    "ui.ask.motivation": "motivation",
    "ui.ask.evidence": "evidence",
    "ui.ask.tipping-point": "tipping point",
    "ui.ask.stated-need": "stated need",
    "ui.ask.objective": "leader's objective",
    "ui.ask.sponsor": "sponsor",
    "ui.ask.kpi": "KPI",
    "ui.ask.authority": "authority",
    "ui.ask.evaluation": "evaluation",
    "ui.ask.decision": "decision point",
    "ui.ask.trigger": "trigger",
    "ui.ask.and": "and",
    # the canvas skeleton 'vplint new' writes (vplint.scaffold.skeleton)
    "skeleton.kpi": "<KPI the decision-maker is measured on, e.g. Days sales outstanding under 45>",
    "skeleton.owner": "<your name or e-mail>",
    "skeleton.function": "<their business function, in the customer's words>",
    "skeleton.authority": "<what they may decide alone, e.g. spend up to EUR 500k>",
    "skeleton.evaluator_title": "<who evaluates the purchase for them>",
    "skeleton.evaluator_function": "<that person's function>",
    "skeleton.evaluates": "<what they evaluate - feasibility, the market, integration>",
    "skeleton.decision_point": "<when the decision-maker decides, e.g. the budget round>",
    "skeleton.field.needs.objective": "<the leader's committed objective this need serves, in their words>",
    "skeleton.field.motivators.for": "P1",
    "skeleton.heading": "{account}: {title} value proposition canvas",
    "skeleton.intro": (
        "Written by `vplint new`. Replace each <prompt> with what you learn from the customer, or delete\n"
        "the line if it does not apply; `vplint check` lists what is left to fill."
    ),
    "skeleton.problems": "One item per business problem (P1, P2, ...). Diagnosis methods by problem type:",
    "skeleton.needs": "One item per need (N1, N2, ...). Strategy levels and their areas:",
    "skeleton.motivators": "One item per motivator (M1, M2, ...). The nine motivators:",
    "skeleton.changes": "Changes by scope:",
    "skeleton.actions": "One line per lever you will use; delete the others.",
    "skeleton.item_problem": "<the business problem, as the decision-maker would put it>",
    "skeleton.item_need": "<what the decision-maker would buy to solve P1>",
    "skeleton.item_motivator": "<why the decision-maker will act now, in a few words>",
    # skeleton: the prompt in each field of a problem
    "skeleton.field.problems.diagnosis": "<method - what you found>",
    "skeleton.field.problems.root_cause": "<the root cause the diagnosis points to>",
    "skeleton.field.problems.baseline": "<problem-solving only: the better past it wants back; else delete this line>",
    "skeleton.field.problems.precedent": (
        "<risk-prevention only: what happened to others, or to the customer before; else delete this line>"
    ),
    "skeleton.field.problems.symptom": (
        "<risk-prevention only: the warning sign you checked for; else delete this line>"
    ),
    "skeleton.field.problems.target": "<ideal-pursuit only: what is to be reached; else delete this line>",
    "skeleton.field.problems.deadline": "<ideal-pursuit only: by when; else delete this line>",
    # skeleton: the prompt in each field of a need
    "skeleton.field.needs.solves": "P1",
    "skeleton.field.needs.strategy": "<level/area this need serves, e.g. operations/service-process>",
    "skeleton.field.needs.serves": (
        "<the higher strategy it serves, e.g. financial/cost-efficiency; delete if the level is financial>"
    ),
    "skeleton.field.needs.sponsor": "<the higher leader who must back the purchase>",
    # skeleton: the prompt in each field of a motivator
    "skeleton.field.motivators.kind": "<which of the nine motivators>",
    "skeleton.field.motivators.change": "<scope/category - what changed, and when>",
    "skeleton.field.motivators.shift": (
        "<continuous changes only: what has turned quantity into quality; else delete this line>"
    ),
    "skeleton.field.motivators.evidence": "<the source you know it from, with its date>",
    "skeleton.field.motivators.phenomenon": "<what the decision-maker sees at work>",
    "skeleton.field.motivators.feeling": "<anxiety or desire, and about what>",
    "skeleton.field.motivators.perception": "<what the decision-maker now believes>",
    # skeleton: the prompt on each lever's line
    "skeleton.lever.inform": "<what you will tell them that they may not know yet>",
    "skeleton.lever.analyse": "<the change behind a phenomenon that you will show them>",
    "skeleton.lever.empathise": "<the feeling you will acknowledge>",
    "skeleton.lever.relationship": "<how you will look after the relationship>",
    # the rules reference and 'vplint explain' (vplint.rules.docs)
    "docs.title": "# Rules",
    "docs.intro": (
        "Generated from the rule modules by `python -m vplint.rules.docs`; do not edit. [中文版](rules.zh.md)\n"
        "\n"
        "Every finding has a code. The letter says which part of the canvas it is about; § numbers are "
        "sections of [the method](method.md): **F** the file itself, **S** "
        "the canvas's shape (the JSON schema), **C** the core completeness checks, **D** the decision-maker "
        "(§1), **P** problems (§2–3), **N** needs and strategy (§3–4), **T** the conversion trigger (§5), **M** "
        "motivators and change (§6–7), **A** actions (§8), **H** hygiene, **X** checks across files, **Y** style "
        "(fixed by `--fix`, off in `check` by default), **U** suppressions. Severities are defaults; change them in "
        "the configuration (see [configuration](configuration.md)). `vplint explain CODE` prints one entry."
    ),
    "docs.summary": "## Summary",
    "docs.cols": "| code | name | default | fix | what it checks |",
    "docs.builtin": "## File and shape checks (F, S)",
    "docs.severity": "Default severity",
    "docs.off": "off (style rule: reported when selected, applied by `--fix`)",
    "docs.fixable": "Fixable",
    "docs.yes": "yes (`vplint check --fix`)",
    "docs.no": "no",
    "docs.options": "Options",
    "docs.opt_cols": "| option | default | meaning |",
    "docs.bad": "Fails",
    "docs.good": "Passes",
    "docs.severities.error": "error",
    "docs.severities.warning": "warning",
    "docs.severities.info": "info",
    "docs.severities.off": "off",
    # SARIF: the examples in a rule's help text
    "sarif.bad": "Fails:",
    "sarif.good": "Passes:",
    # vplint lsp: the language server's own findings and the titles of its code actions
    "lsp.rule_failed": "rule {code} ({name}) failed on this canvas, so its findings are missing: {error}",
    "lsp.cross_file_failed": "rule {code} ({name}) failed, so no check across files ran: {error}",
    "lsp.internal_error": "vplint could not check this canvas: {error}",
    "lsp.config_error": "vplint cannot use the configuration: {error}",
    "lsp.fix": "vplint: fix {code} ({name})",
    "lsp.fix_all": "vplint: apply every safe fix (as vplint check --fix does)",
    "lsp.add_skeleton": "vplint: add {what} (to fill in)",
    "lsp.suppress_line": "vplint: suppress {code} on this line",
    "lsp.suppress_file": "vplint: suppress {code} in this file",
    # the team report's pages (vplint report, vplint/team/site.py)
    "site.site": "vplint team report",
    "site.nav": "Report pages",
    "site.nav.overview": "Team overview",
    "site.nav.accounts": "Accounts",
    "site.nav.reps": "Reps",
    "site.footer": (
        "Made by vplint {version} on {today} from the canvases in the repository. Ages are counted to {today}."
    ),
    "site.overview.title": "Team overview",
    "site.overview.sub": (
        "The team's value proposition canvases as of {today}: what is missing, what is stale, what the team leans on."
    ),
    "site.canvases": "canvases",
    "site.accounts": "accounts",
    "site.reps": "reps (canvas owners)",
    "site.tile.clean": "clean ({n} of {total}: no error, no warning)",
    "site.tile.stale": "stale canvases (H001)",
    "site.severity.error": "errors",
    "site.severity.warning": "warnings",
    "site.severity.info": "notes",
    "site.drivers.title": "Accounts without the canvas of who drives the purchase",
    "site.drivers.some": (
        "{n} of {total} accounts have no canvas for the buying role that drives the purchase of what they buy."
    ),
    "site.drivers.none": "Every account ({total}) has a canvas for the buying role that drives its purchase.",
    "site.account": "Account",
    "site.offering": "Offering",
    "site.drives": "drives the purchase",
    "site.roles-present": "Buying roles with a canvas",
    "site.driver-unknown": "unknown: the offering is not stated",
    "site.no-account": "(no account)",
    "site.no-owner": "(no owner)",
    "site.none": "none",
    "site.not-stated": "not stated",
    "site.reps.title": "Reps and stale canvases",
    "site.reps.answer": "{stale} of {total} canvases are stale: their 'updated' date is older than H001 allows.",
    "site.owner": "Owner",
    "site.oldest-update": "Oldest update",
    "site.evidence-age": "Evidence age (mean, days)",
    "site.chart.stale": "Stale canvases per rep",
    "site.chart.stale.caption": "Stale canvases of each rep, out of their canvases (highlighted: reps with any).",
    "site.motivators.title": "Motivator mix: is the team leaning on price?",
    "site.motivators.none": "No motivators recorded yet.",
    "site.motivators.leaning": (
        "Yes: the discount (lower cost or risk) is {share} % of all motivators ({n} of {total}), the most used or "
        "over a quarter."
    ),
    "site.motivators.not-leaning": (
        "No: the discount (lower cost or risk) is {share} % of all motivators ({n} of {total})."
    ),
    "site.motivators.overused": (
        "The two most over-used motivators, the discount and the reference case (keep up or lead), together make "
        "{share} %; {alone} canvases rely on them alone (M006)."
    ),
    "site.chart.motivators": "Motivators by kind",
    "site.chart.motivators.caption": "Highlighted: the discount and the reference case, which sellers over-use.",
    "site.trends.title": "Trends",
    "site.trends.sub": "{n} weeks from {since}, each from the last commit of the week.",
    "site.trends.findings.caption": (
        "Each file's own findings; the cross-file rules (X) and the age rules (H001, M005) are left out of past weeks."
    ),
    "site.trends.table": "The weeks as a table",
    "site.week-ending": "Week ending",
    "site.commit": "Commit",
    "site.clean": "clean",
    "site.clean-share": "clean share (%)",
    "site.chart.trend-canvases": "Canvases and clean canvases per week",
    "site.chart.trend-share": "Share of clean canvases per week (%)",
    "site.chart.trend-findings": "Open findings per week, by severity",
    "site.chart.trend-evidence": "Mean age of the newest evidence per week (days)",
    "site.history.shallow": (
        "No trends: this is a shallow clone. Fetch the full history (git fetch --unshallow; in GitHub Actions, "
        "actions/checkout with fetch-depth: 0; in GitLab CI, GIT_DEPTH: 0) and run the report again. This report "
        "shows the working tree only."
    ),
    "site.history.no-commits": "No trends: the repository has no commits yet. This report shows the working tree only.",
    "site.history.not-a-repository": (
        "No trends: the canvases are not in a git repository (or git is not installed). This report shows the "
        "working tree only."
    ),
    "site.history.empty": "No trends: none of the report's paths are in the repository's history.",
    "site.findings.title": "Findings by code",
    "site.findings.none": "No findings: every canvas is clean.",
    "site.chart.codes": "Open findings by rule code",
    "site.chart.codes.caption": "The twelve most frequent codes; vplint rules CODE explains each.",
    "site.weakest.title": "The weakest canvases",
    "site.weakest.none": "None: every canvas is clean.",
    "site.canvas": "Canvas",
    "site.status": "Status",
    "site.status.clean": "clean",
    "site.status.stale": "stale",
    "site.updated": "Updated",
    "site.count.errors": "{n} error|{n} errors",
    "site.count.warnings": "{n} warning|{n} warnings",
    "site.count.canvases": "{n} canvas|{n} canvases",
    "site.days": "{n} day|{n} days",
    "site.line": "line {n}",
    "site.age.title": "How old the canvases and their evidence are",
    "site.chart.updated": "Canvases by age of their 'updated' date",
    "site.chart.evidence": "Canvases by age of their newest evidence",
    "site.age.le": "{days} days or less",
    "site.age.range": "{low} to {high} days",
    "site.age.gt": "over {days} days",
    "site.diagnosis.title": "Diagnosis methods per problem type",
    "site.problem-type": "Problem type",
    "site.problems": "Problems",
    "site.methods": "Diagnosis methods used",
    "site.undiagnosed": "Without a diagnosis",
    "site.levels.title": "Needs per strategy level",
    "site.chart.levels": "Needs by Balanced Scorecard level",
    "site.chart.levels.caption": "The level of the strategy each need serves first.",
    "site.unreadable.title": "Files that could not be read",
    "site.account.sub": "Offering: {offering}",
    "site.account.spellings": "written as {names}",
    "site.account.no-offering": (
        "The canvases of this account do not say what is bought (offering), so who drives the purchase is unknown."
    ),
    "site.account.driver-missing": "Missing: the canvas of {driver}, who drives the purchase of this offering.",
    "site.account.driver-present": "The canvas of {driver}, who drives the purchase, is there.",
    "site.account.roles": "Decision-makers by buying role",
    "site.buying-role": "Buying role",
    "site.decision-maker": "Decision-maker (brief)",
    "site.account.no-canvas-driver": "No canvas: write one for this decision-maker first.",
    "site.account.no-canvas": "No canvas",
    "site.sponsors": "Sponsors (higher leaders)",
    "site.evaluators": "Evaluators",
    "site.account.side-by-side": "Problems, needs and motivators",
    "site.needs": "Needs",
    "site.motivators": "Motivators",
    "site.owner.sub": (
        "{n} canvas, oldest update first, with what it still lacks.|{n} canvases, oldest update first, with what "
        "each still lacks."
    ),
    "site.owner.nothing-lacking": "Nothing lacking: no error, no warning.",
    "site.owner.notes": "and {n} note (vplint check shows it)|and {n} notes (vplint check shows them)",
    "site.last-changed": "content last changed in the week of {date}",
    "site.newest-evidence": "newest evidence",
}
