/**
 * The messages of the record's fields and their history (ADR 0180, 0184): field labels, the
 * registry's validation messages, the CLI's edit, history, diff and restore, and the metadata
 * exchange. Spread into MESSAGES.
 */
export const RECORD_MESSAGES = {
  'record.field.title': { 'zh-CN': '题名', en: 'title' },
  'record.field.abstract': { 'zh-CN': '摘要', en: 'abstract' },
  'record.field.level': { 'zh-CN': '密级', en: 'classification' },
  'record.field.period': { 'zh-CN': '保密期限', en: 'period' },
  'record.field.attribution': { 'zh-CN': '数据来源', en: 'attribution' },
  'record.field.archiveNumber': { 'zh-CN': '档号', en: 'archive number' },
  'record.field.keywords': { 'zh-CN': '关键词', en: 'keywords' },
  'record.field.unit': { 'zh-CN': '形成单位', en: 'producing unit' },
  'record.field.category': { 'zh-CN': '资料类别', en: 'category' },
  'record.field.year': { 'zh-CN': '形成年份', en: 'year' },
  'record.error.required': { 'zh-CN': '不能为空', en: 'must not be empty' },
  'record.error.notInVocabulary': {
    'zh-CN': '应为 公开、内部、秘密、机密 或 绝密',
    en: 'must be one of Unclassified (公开), Restricted (内部), Confidential (秘密), Secret (机密), Top secret (绝密)',
  },
  'record.error.period': {
    'zh-CN': '应为“N年”（1–999）、“长期”，或留空取默认期限',
    en: 'must be a number of years (1–999), long-term, or empty for the default period',
  },
  'record.error.tooLong': { 'zh-CN': '超过 {{max}} 个字符', en: 'is longer than {{max}} characters' },
  'record.error.tooMany': { 'zh-CN': '超过 {{max}} 个', en: 'has more than {{max}} entries' },
  'record.error.keyword': {
    'zh-CN': '每个关键词应为 1–{{max}} 个字符',
    en: 'each keyword must be 1–{{max}} characters',
  },
  'record.error.keywordTwice': { 'zh-CN': '有重复的关键词', en: 'names a keyword twice' },
  'record.error.year': { 'zh-CN': '应为 1–9999 的整年', en: 'must be a whole year from 1 to 9999' },
  'record.warning.long': { 'zh-CN': '较长，目录列表中会被截断', en: 'is long; catalogue lists cut it' },
  'detail.recordField': {
    'zh-CN': '著录项“{{label}}”（{{field}}）{{reason}}；未保存',
    en: 'record field {{field}} ({{label}}) {{reason}}; nothing was saved',
  },
  'detail.recordAssignment': {
    'zh-CN': '“{{given}}”不是“著录项=值”的形式',
    en: '"{{given}}" is not FIELD=VALUE',
  },
  'detail.recordUnknownField': {
    'zh-CN': '没有著录项 {{given}}；可用：{{fields}}',
    en: 'no record field {{given}}; the fields are {{fields}}',
  },
  'detail.recordNoVersion': {
    'zh-CN': '没有第 {{version}} 版（最新为第 {{latest}} 版）',
    en: 'there is no version {{version}} (the latest is {{latest}})',
  },
  'detail.metadataFile': {
    'zh-CN': '{{file}} 不能导入：{{reason}}',
    en: '{{file}} cannot be imported: {{reason}}',
  },
  'metadata.refused.notMetadata': {
    'zh-CN': '不是可识别的著录文件（应为 19139 标准元数据或 Strata 著录 JSON）',
    en: 'it is neither ISO 19139 (gmd:MD_Metadata) nor a Strata record JSON',
  },
  'metadata.refused.doctype': {
    'zh-CN': '含文档类型定义或实体声明，出于安全不予读取',
    en: 'it declares a document type or entities (DTD), which are refused for safety',
  },
  'metadata.refused.malformed': { 'zh-CN': 'XML 格式不正确', en: 'the XML is not well-formed' },
  'metadata.refused.encoding': { 'zh-CN': '不是 UTF-8 文本', en: 'it is not UTF-8 text' },
  'metadata.refused.tooLarge': {
    'zh-CN': '超过 {{max}} 字节，不是一条著录',
    en: 'it is larger than {{max}} bytes, not one record',
  },
  'metadata.refused.missing': {
    'zh-CN': '缺少 {{element}}',
    en: 'it has no {{element}}',
  },
  'metadata.refused.identifier': {
    'zh-CN': '文件标识 {{identifier}} 不是本馆的资料编号',
    en: 'its file identifier {{identifier}} is not a dataset id of this archive',
  },
  'metadata.refused.classification': {
    'zh-CN': '密级代码 {{code}} 不是五个密级代码之一',
    en: 'the classification code {{code}} is none of the five ISO 19115 MD_ClassificationCode levels',
  },
  'cli.unchanged': {
    'zh-CN': '{{id}} 未改变，仍为第 {{version}} 版',
    en: '{{id}} is unchanged, still version {{version}}',
  },
  'cli.restored': {
    'zh-CN': '{{id}} 第 {{version}} 版：恢复为第 {{from}} 版的内容',
    en: '{{id}} version {{version}}: the content of version {{from}} restored',
  },
  'cli.noChanges': {
    'zh-CN': '第 {{from}} 版与第 {{to}} 版相同',
    en: 'versions {{from}} and {{to}} are the same',
  },
  'cli.metadataWritten': { 'zh-CN': '已写入 {{file}}', en: 'written to {{file}}' },
} as const;
