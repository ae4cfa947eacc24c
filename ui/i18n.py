"""Interface strings in Chinese and English, and picking a language from the browser's."""
from __future__ import annotations

LANGS = ("zh", "en")
LANG_CHOICES = [("中文", "zh"), ("English", "en")]

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "地方志问答",
        "subtitle": "基于地方政府档案（年鉴、大事记、讲话）的有据可查问答。每个回答都标注出处。",
        "language": "界面语言",
        "tab_chat": "问答",
        "tab_docs": "文档",
        "tab_eval": "评测",
        "eval_intro": "用问题集检验问答质量：选择问题集（或上传 JSONL/CSV/XLSX）和要比较的配置，点击运行。"
                      "运行在后台进行，刷新页面后进度仍会显示。也可以从本知识库的文档起草问题集，审核后保存。",
        "eval_set": "问题集",
        "eval_upload": "或上传问题集（JSONL、CSV、XLSX：问题、答案、原文引文）",
        "eval_configs": "比较的配置",
        "eval_run": "运行评测",
        "eval_idle": "尚未运行评测。",
        "eval_running": "正在评测：{done}/{total}（{config}）",
        "eval_done": "评测完成：{n} 个问题。",
        "eval_failed": "评测失败：{error}",
        "eval_headline": "主要指标",
        "eval_questions": "个问题",
        "eval_metric": "指标",
        "eval_meaning": "含义",
        "eval_by_type": "按问题类型",
        "eval_by_lang": "按语言",
        "eval_gold": "标准引文",
        "eval_retrieved": "检索到的段落（前3）",
        "eval_answer": "回答：",
        "eval_failed_list": "未通过的问题（点击一行，对照标准引文和检索结果）",
        "eval_open_chat": "在问答中打开所选问题",
        "eval_dl_html": "下载报告（HTML）",
        "eval_dl_json": "下载报告（JSON）",
        "eval_runs": "历次评测",
        "eval_draft_title": "从文档起草问题集",
        "eval_draft": "起草问题",
        "eval_draft_table": "草稿（状态改为 accepted / edited / rejected；可直接修改问题、引文、关键词）",
        "eval_accept_all": "其余全部接受",
        "eval_set_name": "问题集名称",
        "eval_save": "保存已接受的问题",
        "eval_drafted": "已起草 {n} 个问题。请逐条审核：未接受的问题不会计入。",
        "eval_saved": "已保存 {n} 个问题（其中修改过 {edited} 个）为问题集 `{name}`。",
        "chatbot": "对话",
        "question": "问题",
        "question_ph": "输入问题，按回车发送，例如：市长对高标准农田建设提出了什么要求？",
        "send": "发送",
        "reset": "新对话",
        "examples": "示例问题（点击提问）",
        "sources": "引用来源",
        "sources_empty": "回答的引用来源会显示在这里。点击回答中的 [n] 跳转到对应段落。",
        "filters": "筛选与设置",
        "filter_docs": "只在这些文档中检索（不选则全部）",
        "date_from": "起始日期",
        "date_to": "截止日期",
        "date_ph": "YYYY-MM-DD",
        "mode": "检索方式",
        "k": "检索段落数 k",
        "answerer": "回答方式",
        "unavailable": "不可用的回答方式",
        "unverified": "未核实 / unverified",
        "page": "第{n}页",
        "ocr": "OCR识别 {c:.2f}",
        "ocr_low_title": "扫描件识别置信度低，请对照原文核实",
        "source_open": "原文",
        "source_download": "下载原文件",
        "source_no_original": "原文件不可用（该知识库建于保存原文件之前），显示的是索引中的文本",
        "source_too_big": "原文件超过 {mb} MB，不在页面中提供下载",
        "source_page_alt": "引用所在页，引文已高亮",
        "source_not_found": "未能在文中定位引文",
        "source_unknown": "知识库中没有这个文档",
        "unverified_title": "引文未能在原文中逐字找到",
        "nearest": "最接近的段落",
        "abstain_note": "资料中没有找到相关信息。以下是最接近的段落：",
        "notice": "提示",
        "turn": "第 {n} 问",
        "answered_by": "回答方式：{llm}",
        "bad_date": "日期格式应为 YYYY-MM-DD：{value}",
        "limit": "请求超出限制：{message}",
        "failed_answer": "回答时出错了，请换个问法再试；问题已记录在服务器日志中。",
        "failed_ask": "回答时出错了，请换个问法再试；问题已记录在服务器日志中。",
        "failed_ingest": "文件未能加入索引；详情已记录在服务器日志中。",
        "failed_remove": "文档未能删除；详情已记录在服务器日志中。",
        "upload_gone": "{name}：上传的临时文件已不存在，请重新上传",
        "no_index": "还没有索引。请在“文档”页上传文档，或运行 `rag ingest`。",
        "upload": "上传文档（.txt .md .docx .pdf .html）",
        "ingest": "加入索引",
        "ingest_progress": "正在嵌入 {done}/{total} 个片段",
        "ingest_rate": "（每秒 {rate} 个词元，预计还需 {eta}）",
        "ingest_loading": "正在读取文件",
        "ingest_ocr": "正在识别扫描页 {done}/{total}",
        "ingest_none": "请先选择要上传的文件。",
        "ingest_done": "已加入索引：{added}；已更新：{updated}；未变化：{unchanged}。新嵌入 {chunks} 个片段。",
        "rejected_type": "{name}：不支持的文件类型（支持 {types}）",
        "rejected_size": "{name}：文件 {mb:.1f} MB，超过上传上限 {limit} MB",
        "skipped": "{name}：已跳过（{reason}）",
        "doc_list": "已索引的文档",
        "col_id": "文档 ID", "col_title": "标题", "col_chunks": "片段数", "col_path": "来源", "col_flags": "可疑指令",
        "flags_cell": "⚠ {n} 句疑似植入指令（仅作数据，不作答案）", "flags_title": "；标题可疑",
        "col_profile": "类型 · 地区 · 年份 · 覆盖年份",
        "why": "为什么这样回答（问题理解）",
        "profile_box": "文档信息（可选，不填则自动识别）",
        "pf_title": "标题", "pf_kind": "类型", "pf_place": "地区（如 长葛市、全国）",
        "pf_year": "文档年份", "pf_period": "内容覆盖年份（如 2019 或 2019-2020）",
        "profile_line": "{name}：{profile}",
        "remove_select": "选择要删除的文档",
        "remove": "删除所选文档",
        "remove_none": "请先选择要删除的文档。",
        "removed": "已删除：{ids}",
        "refresh": "刷新",
        "status": "索引状态",
        "status_text": "**索引** `{name}` · **文档** {documents} · **片段** {chunks} · "
                       "**嵌入模型** `{embedder}` · **最后更新** {updated}",
        "status_missing": "索引 `{name}` 尚未建立。",
    },
    "en": {
        "title": "Local records Q&A",
        "subtitle": "Cited answers from Chinese local-government records (yearbooks, chronicles, "
                    "speeches). Every answer names its sources.",
        "language": "Language",
        "tab_chat": "Ask",
        "tab_docs": "Documents",
        "tab_eval": "Evaluate",
        "eval_intro": "Test answer quality with a question set: pick a set (or upload JSONL/CSV/XLSX) "
                      "and the configurations to compare, then run. The run continues in the "
                      "background and its progress survives a page reload. You can also draft a set "
                      "from this index's documents, review it and save it.",
        "eval_set": "Question set",
        "eval_upload": "Or upload a set (JSONL, CSV, XLSX: question, answer, gold quote)",
        "eval_configs": "Configurations to compare",
        "eval_run": "Run evaluation",
        "eval_idle": "No evaluation run yet.",
        "eval_running": "Evaluating: {done}/{total} ({config})",
        "eval_done": "Evaluation finished: {n} questions.",
        "eval_failed": "Evaluation failed: {error}",
        "eval_headline": "Headline metrics",
        "eval_questions": "questions",
        "eval_metric": "metric",
        "eval_meaning": "meaning",
        "eval_by_type": "By question type",
        "eval_by_lang": "By language",
        "eval_gold": "Gold quote",
        "eval_retrieved": "Retrieved passages (top 3)",
        "eval_answer": "Answer:",
        "eval_failed_list": "Failed questions (click a row to compare the gold quote with what was retrieved)",
        "eval_open_chat": "Open the selected question in the chat",
        "eval_dl_html": "Download report (HTML)",
        "eval_dl_json": "Download report (JSON)",
        "eval_runs": "Earlier runs",
        "eval_draft_title": "Draft a set from your documents",
        "eval_draft": "Draft questions",
        "eval_draft_table": "Drafts (set status to accepted / edited / rejected; edit question, quote, keywords in place)",
        "eval_accept_all": "Accept all remaining",
        "eval_set_name": "Set name",
        "eval_save": "Save accepted questions",
        "eval_drafted": "Drafted {n} questions. Review each: nothing counts until accepted.",
        "eval_saved": "Saved {n} questions ({edited} edited) as set `{name}`.",
        "chatbot": "Conversation",
        "question": "Question",
        "question_ph": "Type a question and press Enter, e.g. What did the mayor require about "
                       "high-standard farmland?",
        "send": "Send",
        "reset": "New chat",
        "examples": "Example questions (click to ask)",
        "sources": "Sources",
        "sources_empty": "The sources of each answer appear here. Click a [n] in an answer to "
                         "jump to its passage.",
        "filters": "Filters and settings",
        "filter_docs": "Search only these documents (none selected: all)",
        "date_from": "From date",
        "date_to": "To date",
        "date_ph": "YYYY-MM-DD",
        "mode": "Retrieval mode",
        "k": "Passages retrieved (k)",
        "answerer": "Answerer",
        "unavailable": "Unavailable answerers",
        "unverified": "unverified",
        "page": "p. {n}",
        "ocr": "OCR {c:.2f}",
        "ocr_low_title": "Read from a scan with low confidence: check it against the original",
        "source_open": "Source",
        "source_download": "Download the original",
        "source_no_original": "The original file is not available (this index was built before originals were kept); showing the indexed text",
        "source_too_big": "The original is over {mb} MB and is not offered for download here",
        "source_page_alt": "The cited page with the quote highlighted",
        "source_not_found": "The quote could not be located in the text",
        "source_unknown": "This document is not in the index",
        "unverified_title": "The quote was not found verbatim in the source",
        "nearest": "Nearest passages",
        "abstain_note": "The documents do not say. These are the nearest passages:",
        "notice": "Notice",
        "turn": "Question {n}",
        "answered_by": "Answered by: {llm}",
        "bad_date": "Dates must look like YYYY-MM-DD: {value}",
        "limit": "Request refused: {message}",
        "failed_answer": "Something went wrong while answering; please try rephrasing. The "
                         "details are in the server log.",
        "failed_ask": "Something went wrong while answering; please try rephrasing. The "
                      "details are in the server log.",
        "failed_ingest": "The files could not be added to the index; the details are in the "
                         "server log.",
        "failed_remove": "The documents could not be removed; the details are in the server log.",
        "upload_gone": "{name}: the uploaded copy is gone; please upload it again",
        "no_index": "There is no index yet. Upload documents on the Documents tab, or run "
                    "`rag ingest`.",
        "upload": "Upload documents (.txt .md .docx .pdf .html)",
        "ingest": "Add to index",
        "ingest_progress": "Embedding {done}/{total} chunks",
        "ingest_rate": " ({rate} tokens/s, {eta} left)",
        "ingest_loading": "Reading files",
        "ingest_ocr": "Reading scanned pages (OCR) {done}/{total}",
        "ingest_none": "Choose files to upload first.",
        "ingest_done": "Added: {added}; updated: {updated}; unchanged: {unchanged}. "
                       "{chunks} new chunks embedded.",
        "rejected_type": "{name}: unsupported file type (supported: {types})",
        "rejected_size": "{name}: {mb:.1f} MB is over the {limit} MB upload limit",
        "skipped": "{name}: skipped ({reason})",
        "doc_list": "Indexed documents",
        "col_id": "Doc ID", "col_title": "Title", "col_chunks": "Chunks", "col_path": "Source", "col_flags": "Planted instructions",
        "flags_cell": "⚠ {n} instruction-like sentences (kept as data, never answers)", "flags_title": "; title flagged",
        "col_profile": "Kind · place · year · covers",
        "why": "Why this answer (how the question was read)",
        "profile_box": "Document details (optional; inferred when left empty)",
        "pf_title": "Title", "pf_kind": "Kind", "pf_place": "Place (e.g. 长葛市, 全国)",
        "pf_year": "Document year", "pf_period": "Years covered (e.g. 2019 or 2019-2020)",
        "profile_line": "{name}: {profile}",
        "remove_select": "Documents to remove",
        "remove": "Remove selected",
        "remove_none": "Select documents to remove first.",
        "removed": "Removed: {ids}",
        "refresh": "Refresh",
        "status": "Index status",
        "status_text": "**Index** `{name}` · **documents** {documents} · **chunks** {chunks} · "
                       "**embedder** `{embedder}` · **last update** {updated}",
        "status_missing": "Index `{name}` has not been built yet.",
    },
}

# The answerers' own reasons are English; these say the common ones in Chinese too.
REASON_ZH = [
    ("no API key", "未配置 API 密钥或地址"),
    ("no model configured", "未配置模型名称"),
    ("llama-cpp-python", "未安装 llama-cpp-python"),
    ("no local model", "没有本地模型文件"),
]


def t(lang: str, key: str, **kw) -> str:
    """The string `key` in `lang` (falling back to English), formatted with kw."""
    s = TEXT.get(lang, TEXT["en"]).get(key) or TEXT["en"][key]
    return s.format(**kw) if kw else s


def reason(lang: str, text: str) -> str:
    """An answerer's unavailability reason, with a Chinese gloss when we know one."""
    if lang == "zh":
        for needle, zh in REASON_ZH:
            if needle in text:
                return f"{zh}（{text}）"
    return text


def pick_lang(*candidates: str | None) -> str:
    """"zh" or "en" from browser language tags (navigator.language, Accept-Language), first wins.

    Accept-Language lists several tags ("en-US,en;q=0.9,zh-CN;q=0.8"); its first tag is the
    user's preference. Anything that is not Chinese means English.
    """
    for c in candidates:
        if not c:
            continue
        first = c.split(",")[0].split(";")[0].strip().lower()
        if first:
            return "zh" if first.startswith("zh") else "en"
    return "zh"

