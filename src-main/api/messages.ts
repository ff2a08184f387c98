import type { BagProblemKey } from '../core/exchange/problems.js';
import type { FormatProblem } from '../core/formats/format-error.js';
import type { FindingMessageKey, FindingPart } from '../core/model/finding.js';
import type { StandingAction, StandingMessageKey } from '../core/catalogue/standing.js';
import type { WorkflowMessageKey } from '../core/catalogue/workflow.js';
import type { LayoutProblemKey } from '../core/layout/problems.js';
import { RECORD_MESSAGES } from './record-messages.js';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

interface Entry {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * Every message a service or core module can cause a host to show: errors, their problems and
 * reasons, review findings, lineage steps, package-verification problems, job phases, secrecy
 * levels and the names of bundled profiles. Placeholders are i18next's `{{name}}`, the one syntax
 * of main-process and renderer messages. The renderer loads this table into i18next (namespace
 * `msg`); the CLI renders it with `renderMessage`. A string param whose value is itself a key here
 * (e.g. `problem: 'problem.ifdLoop'`) is rendered first, with the same params.
 */
export const MESSAGES = {
  ...RECORD_MESSAGES,
  'error.INVALID_ARGUMENT': { 'zh-CN': '参数无效：{{detail}}', en: 'Invalid argument: {{detail}}' },
  'error.NOT_FOUND': { 'zh-CN': '未找到：{{what}}', en: 'Not found: {{what}}' },
  'error.FILE_NOT_FOUND': {
    'zh-CN': '文件不存在或无法读取：{{file}}',
    en: 'File not found or unreadable: {{file}}',
  },
  'error.UNSUPPORTED_FORMAT': {
    'zh-CN': '不支持的文件格式或编码：{{file}}（{{problem}}）',
    en: 'Unsupported file format or encoding: {{file}} ({{problem}})',
  },
  'problem.shapefileNoDbf': {
    'zh-CN': '缺少属性表 .dbf，图形将没有属性：请补齐 .dbf 后重新导入',
    en: 'the .dbf attribute table is missing, so the shapes would have no attributes: add the .dbf and import again',
  },
  'notice.import.duplicate': {
    'zh-CN': '{{file}} 已在馆藏中，未重复导入：内容（SHA-256）与已有资料“{{title}}”（{{id}}）相同',
    en: '{{file}} is already in the archive and was not imported again: same content (SHA-256) as “{{title}}” ({{id}})',
  },
  'notice.shapefile.shxMissing': {
    'zh-CN':
      '{{file}}：缺少索引文件 .shx，已按 .shp 中自带长度的记录重建索引后读取；入库文件按原样保存，不含 .shx',
    en: '{{file}}: the .shx index is missing; it was rebuilt from the self-delimiting records of the .shp to read the set. The files are stored as deposited, without a .shx',
  },
  'notice.shapefile.shxInconsistent': {
    'zh-CN': '{{file}}：索引文件 .shx 与 .shp 不符，已弃用并按 .shp 中的记录重建索引后读取；.shx 按原样保存',
    en: '{{file}}: the .shx index does not match the .shp; it was set aside and the index rebuilt from the records of the .shp. The .shx is stored as deposited',
  },
  'error.CORRUPT_FILE': {
    'zh-CN': '文件已损坏或无法解析：{{file}}（{{problem}}）',
    en: 'Corrupt or unreadable file: {{file}} ({{problem}})',
  },
  'error.TOO_LARGE': {
    'zh-CN': '文件超出处理上限：{{file}}（{{problem}}）',
    en: 'File exceeds the processing limit: {{file}} ({{problem}})',
  },
  'problem.geojsonMemory': {
    'zh-CN': '解析 GeoJSON 所需内存超过 {{limitMb}} MB 上限',
    en: 'parsing the GeoJSON would need more than the {{limitMb}} MB memory limit',
  },
  'problem.geojsonDepth': {
    'zh-CN': 'JSON 嵌套超过 {{max}} 层',
    en: 'JSON nested deeper than {{max}} levels',
  },
  // GeoPackage (SQLite, WKB) and FlatGeobuf
  'notice.geopackage.coveragesSkipped': {
    'zh-CN': '{{file}}：其中的格网覆盖表暂不支持读取，未导入；其余图层已全部导入',
    en: '{{file}}: its gridded coverage (2d-gridded-coverage) tables cannot be read yet and were not imported; every other layer was',
  },
  'problem.sqliteNotDatabase': {
    'zh-CN': '不是可读取的 SQLite 数据库（GeoPackage 须为 SQLite 文件；{{code}}）',
    en: 'not a readable SQLite database (a GeoPackage is an SQLite file; {{code}})',
  },
  'problem.sqliteQuery': {
    'zh-CN': 'SQLite 数据库内容损坏或被截断（{{code}}）',
    en: 'the SQLite database is damaged or truncated ({{code}})',
  },
  'problem.gpkgNoContents': {
    'zh-CN': '不是 GeoPackage：缺少表 {{table}}',
    en: 'not a GeoPackage: the {{table}} table is missing',
  },
  'problem.gpkgContentsRow': {
    'zh-CN': 'gpkg_contents 中有缺少表名或数据类型的行',
    en: 'gpkg_contents has a row without a table name or data type',
  },
  'problem.gpkgTableName': {
    'zh-CN': '表名或字段名无效：{{layer}}',
    en: 'invalid table or column name: {{layer}}',
  },
  'problem.gpkgLayerNotTable': {
    'zh-CN': '图层 {{layer}} 不是数据表（视图或不存在），出于安全不予读取',
    en: 'layer {{layer}} is not a table (a view, or missing); it is not read, for safety',
  },
  'problem.gpkgGeneratedColumn': {
    'zh-CN': '图层 {{layer}} 含有计算列（读取时会执行文件中的表达式），出于安全不予读取',
    en: 'layer {{layer}} has generated columns (reading them runs expressions from the file); it is not read, for safety',
  },
  'problem.gpkgGeometryColumn': {
    'zh-CN': '图层 {{layer}} 在 gpkg_geometry_columns 中没有有效的几何字段',
    en: 'layer {{layer}} has no valid geometry column in gpkg_geometry_columns',
  },
  'problem.gpkgSrsMissing': {
    'zh-CN': '坐标系 srs_id {{srsId}} 不在 gpkg_spatial_ref_sys 中',
    en: 'srs_id {{srsId}} is not in gpkg_spatial_ref_sys',
  },
  'problem.gpkgFeatureCount': {
    'zh-CN': '一个图层的要素超过 {{max}} 个',
    en: 'a layer holds more than {{max}} features',
  },
  'problem.gpkgCoveragesOnly': {
    'zh-CN': '只含 {{count}} 个格网覆盖表，暂不支持读取；请用 gdal_translate 转为 GeoTIFF 后导入',
    en: 'it holds only {{count}} gridded coverage (2d-gridded-coverage) table(s), which cannot be read yet: convert to GeoTIFF with gdal_translate and import that',
  },
  'problem.gpkgTileMatrixBounds': {
    'zh-CN': '第 {{zoom}} 级瓦片矩阵覆盖不了瓦片矩阵集的范围，二者不一致',
    en: 'the tile matrix of zoom level {{zoom}} does not cover the tile matrix set’s bounds: the two disagree',
  },
  'problem.gpkgTileZoomUnknown': {
    'zh-CN': '瓦片表中有第 {{zoom}} 级的瓦片，但瓦片矩阵表中没有该级别',
    en: 'the tile table holds tiles of zoom level {{zoom}}, which gpkg_tile_matrix does not list',
  },
  'problem.gpkgTileOutOfRange': {
    'zh-CN': '瓦片 {{zoom}}/{{column}}/{{row}} 的列号或行号超出该级瓦片矩阵的范围',
    en: 'the tile {{zoom}}/{{column}}/{{row}} has a column or row outside its zoom level’s tile matrix',
  },
  'problem.gpkgTileRasterSize': {
    'zh-CN': '瓦片表 {{layer}} 最精细一级为 {{width}} × {{height}} 像元，超过可导入的大小',
    en: 'the tile table {{layer}} is {{width}} × {{height}} pixels at its finest level, more than can be imported',
  },
  'problem.gpkgTileWebp': {
    'zh-CN':
      '瓦片 {{zoom}}/{{column}}/{{row}} 是 WebP 图像，本软件不含 WebP 解码器；请用 gdal_translate 转为 PNG 瓦片后导入',
    en: 'the tile {{zoom}}/{{column}}/{{row}} is a WebP image and Strata has no WebP decoder: convert it with gdal_translate -co TILE_FORMAT=PNG and import that',
  },
  'problem.gpkgTileNotImage': {
    'zh-CN': '瓦片 {{zoom}}/{{column}}/{{row}} 不是可解码的 PNG 或 JPEG 图像',
    en: 'the tile {{zoom}}/{{column}}/{{row}} is not a PNG or JPEG image that can be decoded',
  },
  'problem.gpkgTileSize': {
    'zh-CN': '瓦片 {{zoom}}/{{column}}/{{row}} 为 {{width}} × {{height}} 像元，与瓦片矩阵声明的尺寸不符',
    en: 'the tile {{zoom}}/{{column}}/{{row}} is {{width}} × {{height}} pixels, not the size its tile matrix declares',
  },
  'problem.gpkgTileDepth': {
    'zh-CN': '瓦片 {{zoom}}/{{column}}/{{row}} 为 {{bits}} 位图像；GeoPackage 瓦片栅格只支持 8 位',
    en: 'the tile {{zoom}}/{{column}}/{{row}} is a {{bits}}-bit image; GeoPackage tile rasters are 8-bit',
  },
  'problem.gpkgGeometryHeader': {
    'zh-CN': '第 {{feature}} 个要素的几何不是有效的 GeoPackage 几何（文件头）',
    en: 'feature {{feature}}: the geometry is not a valid GeoPackage geometry (header)',
  },
  'problem.gpkgExtendedGeometry': {
    'zh-CN': '第 {{feature}} 个要素使用了扩展几何类型，不支持',
    en: 'feature {{feature}} uses an extended geometry type, which is not supported',
  },
  'problem.wkbShort': {
    'zh-CN': '第 {{feature}} 个要素的几何数据被截断',
    en: 'feature {{feature}}: the geometry data is truncated',
  },
  'problem.wkbByteOrder': {
    'zh-CN': '第 {{feature}} 个要素的几何字节序标记无效',
    en: 'feature {{feature}}: invalid byte-order mark in the geometry',
  },
  'problem.wkbCount': {
    'zh-CN': '第 {{feature}} 个要素的几何声明的点、环或部件数超过数据长度',
    en: 'feature {{feature}}: the geometry claims more points, rings or parts than its bytes hold',
  },
  'problem.wkbGeometryType': {
    'zh-CN': '第 {{feature}} 个要素的几何类型 {{type}} 无效',
    en: 'feature {{feature}}: invalid geometry type {{type}}',
  },
  'problem.wkbMemberType': {
    'zh-CN': '第 {{feature}} 个要素的多部件几何中含有类型不符的部件',
    en: 'feature {{feature}}: a multi-part geometry holds a part of another type',
  },
  'problem.wkbDepth': {
    'zh-CN': '第 {{feature}} 个要素的几何集合嵌套超过 {{max}} 层',
    en: 'feature {{feature}}: geometry collections nested deeper than {{max}} levels',
  },
  'problem.wkbCurve': {
    'zh-CN':
      '第 {{feature}} 个要素是曲线几何 {{type}}，暂不支持；请用 ogr2ogr -nlt CONVERT_TO_LINEAR 转为折线后导入',
    en: 'feature {{feature}} is a curved geometry ({{type}}), not supported yet: convert it with ogr2ogr -nlt CONVERT_TO_LINEAR and import that',
  },
  'problem.fgbUnreadable': {
    'zh-CN': '不是有效的 FlatGeobuf 文件（结构损坏或被截断）',
    en: 'not a valid FlatGeobuf file (damaged or truncated structure)',
  },
  'problem.fgbFeatureCount': {
    'zh-CN': '文件头声明 {{header}} 个要素，实际读到 {{read}} 个（文件被截断？）',
    en: 'the header declares {{header}} features but {{read}} were read (truncated file?)',
  },
  'problem.fgbGeometry': {
    'zh-CN': '第 {{feature}} 个要素的几何无效',
    en: 'feature {{feature}}: invalid geometry',
  },
  'problem.resampleMemory': {
    'zh-CN': '重采样所需内存超过 {{limitMb}} MB 上限，已中止',
    en: 'resampling needed more than the {{limitMb}} MB memory limit and was stopped',
  },
  'problem.parseMemory': {
    'zh-CN': '解析所需内存超过 {{limitMb}} MB 上限，已中止',
    en: 'parsing needed more than the {{limitMb}} MB memory limit and was stopped',
  },
  'error.PARSE_TIMEOUT': {
    'zh-CN': '解析文件超时：{{file}}（超过 {{seconds}} 秒上限，已中止）',
    en: 'Parsing took too long: {{file}} (stopped at the {{seconds}} s limit)',
  },
  'error.CRS_UNKNOWN': {
    'zh-CN': '无法识别坐标参考系：{{file}}',
    en: 'Unknown coordinate reference system: {{file}}',
  },
  'error.CONFLICT': {
    'zh-CN': '记录已被他人修改（当前版本 {{current}}），请刷新后重试',
    en: 'The record was changed meanwhile (now version {{current}}); reload and try again',
  },
  'error.EXPORT_REFUSED': { 'zh-CN': '拒绝导出：{{reason}}', en: 'Export refused: {{reason}}' },
  'error.RELEASE_REFUSED': {
    'zh-CN': '无法生成公开版：{{reason}}',
    en: 'Cannot produce a public version: {{reason}}',
  },
  'error.VERIFY_FAILED': {
    'zh-CN': '数据包校验失败：{{bag}}',
    en: 'Package verification failed: {{bag}}',
  },
  'error.RECEIVE_REFUSED': {
    'zh-CN': '拒收数据包：{{bag}}',
    en: 'Package refused: {{bag}}',
  },
  'error.UNSUPPORTED_BY_HOST': {
    'zh-CN': '当前运行环境不支持此操作',
    en: 'This host does not support the operation',
  },
  'error.CANCELLED': { 'zh-CN': '操作已取消', en: 'Cancelled' },
  'error.READ_ONLY': {
    'zh-CN': '审计链校验失败，系统处于只读状态',
    en: 'The audit chain failed verification; the workstation is read-only',
  },
  'error.FORBIDDEN': { 'zh-CN': '请求已拒绝：无权执行此操作', en: 'Request refused: not permitted' },
  'error.NOT_IN_USE': {
    'zh-CN': '该数据集{{state}}，不能用于审查、生成公开版或导出；如需使用请先恢复',
    en: 'The dataset is {{state}}: it is not offered for review, release or export; restore it first',
  },
  'error.INTERNAL': { 'zh-CN': '内部错误（{{ref}}）', en: 'Internal error ({{ref}})' },
  // Local accounts (ADR 0170).
  'error.LOGIN_FAILED': { 'zh-CN': '用户名或密码错误', en: 'Wrong user name or password' },
  'error.LOGIN_REQUIRED': {
    'zh-CN': '本工作站已启用账户：请用 --user 用户名登录（密码取自 STRATA_PASSWORD 或提示输入）',
    en: 'Accounts are enabled on this workstation: log in with --user NAME (password from STRATA_PASSWORD or a prompt)',
  },
  'error.ACCOUNT_LOCKED': {
    'zh-CN': '连续登录失败次数过多，账户已锁定至 {{until}}',
    en: 'Too many failed logins: the account is locked until {{until}}',
  },
  'error.ACCOUNT_DISABLED': { 'zh-CN': '该账户已停用', en: 'This account is disabled' },
  'error.ACCOUNT_EXISTS': { 'zh-CN': '账户 {{name}} 已存在', en: 'The account {{name}} exists already' },
  'error.LAST_ADMIN': {
    'zh-CN': '{{name}} 是最后一位管理员，不能停用或取消其管理员角色',
    en: '{{name}} is the last administrator and cannot be disabled or lose the administrator role',
  },
  'error.ACCOUNTS_NOT_ENABLED': {
    'zh-CN': '本工作站尚未启用账户：请先运行 strata init --admin 用户名',
    en: 'Accounts are not enabled on this workstation: run strata init --admin NAME first',
  },
  'error.ACCOUNTS_ALREADY_ENABLED': {
    'zh-CN': '本工作站已启用账户，已有管理员',
    en: 'Accounts are enabled on this workstation already; it has an administrator',
  },
  'error.ACCOUNTS_TAMPERED': {
    'zh-CN': '账户数据在 Strata 之外被改动，已拒绝：{{problem}}',
    en: 'The account data was changed outside Strata and is refused: {{problem}}',
  },
  // Login sessions (ADR 0175).
  'error.SESSION_REQUIRED': { 'zh-CN': '请先登录', en: 'Please log in first' },
  'error.SESSION_EXPIRED': {
    'zh-CN': '登录已过期（长时间未操作），请重新登录',
    en: 'Your session has expired (no activity for a while): please log in again',
  },
  'role.admin': { 'zh-CN': '管理员', en: 'Administrator' },
  'role.curator': { 'zh-CN': '资料管理员', en: 'Curator' },
  'role.reviewer': { 'zh-CN': '审查员', en: 'Reviewer' },
  'role.publisher': { 'zh-CN': '发布员', en: 'Publisher' },
  'role.mapmaker': { 'zh-CN': '专题图制作员', en: 'Map maker' },
  'problem.accountsMarkerMissing': {
    'zh-CN': '本目录曾启用账户，但其经签名的启用记录缺失或被改动',
    en: 'accounts were enabled here, but their signed record of that is missing or altered',
  },
  'problem.accountsNoAdmin': {
    'zh-CN': '已没有签名有效、未停用的管理员账户',
    en: 'no enabled administrator account with a valid signature remains',
  },
  'problem.accountAltered': {
    'zh-CN': '账户 {{name}} 的签名或修订号与审计日志不符',
    en: 'the signature or revision of account {{name}} does not match the audit log',
  },

  'detail.reviewSuperseded': {
    'zh-CN': '该审查已被该数据集更新的审查取代，请对最新审查作出决定',
    en: 'a newer review of the dataset has superseded this one: decide on the latest review',
  },
  'detail.noSuchFinding': {
    'zh-CN': '该审查只有 {{count}} 项问题，请按列出的编号选择',
    en: 'the review has {{count}} finding(s): choose one by its listed number',
  },
  'detail.decisionNeedsReason': {
    'zh-CN': '接受或判为误报时须写明理由',
    en: 'accepting a finding or calling it a false positive needs a reason',
  },
  'detail.returnNeedsComment': {
    'zh-CN': '退回审查时须写明意见',
    en: 'returning a review needs a comment',
  },
  'detail.approveUndecided': {
    'zh-CN': '第 {{findings}} 项阻断问题尚未作出决定，不能通过审查',
    en: 'blocking finding(s) {{findings}} have no decision yet: the review cannot be approved',
  },
  'detail.approveMustFix': {
    'zh-CN': '第 {{findings}} 项阻断问题被判为须整改，不能通过审查；请退回',
    en: 'blocking finding(s) {{findings}} must be fixed: the review cannot be approved; return it',
  },
  'detail.reviewAlreadyDecided': {
    'zh-CN': '该审查已由 {{by}} 于 {{at}} 作出结论，不能再次通过或退回',
    en: 'the review was concluded by {{by}} at {{at}} and cannot be approved or returned again',
  },
  'error.PROFILE_REFUSED': {
    'zh-CN': '审查规则 {{id}} 无法完整应用，未审查：{{reason}}',
    en: 'The review profile {{id}} cannot be applied in full; nothing was reviewed: {{reason}}',
  },
  'reason.profileChanged': {
    'zh-CN': '它或它引用的文件已不是管理员加载时的内容（内容哈希不符）；请重新加载',
    en: 'it, or a file it names, is no longer what the administrator loaded (its content hash differs); load it again',
  },
  'reason.profileFileUnreadable': {
    'zh-CN': '它引用的文件 {{file}} 无法读取',
    en: 'the file it names, {{file}}, cannot be read',
  },
  'detail.approvePassword': {
    'zh-CN': '密码不正确，无法用 {{user}} 本人的密钥签署批准（连续输错将锁定账户）',
    en: 'wrong password: the approval cannot be signed with the own key of {{user}} (repeated failures lock the account)',
  },
  'error.FOUR_EYES': {
    'zh-CN': '四眼原则：{{problem}}',
    en: 'Four-eyes rule: {{problem}}',
  },
  'problem.fourEyesPreparer': {
    'zh-CN': '{{name}} 导入了该数据或生成了该公开版，不能批准其审查；请由另一位审查员批准',
    en: '{{name}} imported this data or produced this public version and cannot approve its review; another reviewer must',
  },
  'problem.fourEyesNeedsAccounts': {
    'zh-CN': '本工作站未启用账户，无法确认批准人不是准备人；请先运行 strata init --admin 用户名 启用账户',
    en: 'accounts are not enabled, so nobody can show the approver is not the preparer; enable them with strata init --admin NAME',
  },
  'detail.profileNotJson': {
    'zh-CN': '{{file}} 不是 JSON 格式的审查规则文件',
    en: '{{file}} is not a review profile in JSON',
  },
  'detail.profileInvalid': {
    'zh-CN': '审查规则文件 {{file}} 无法完整应用，未加载：{{path}} 无效（共 {{count}} 处问题）',
    en: 'the review profile {{file}} cannot be applied in full and was not loaded: {{path}} is invalid ({{count}} problems)',
  },
  'detail.profileShipped': {
    'zh-CN': '{{id}} 是随软件提供的审查规则，不能用单位规则替换',
    en: '{{id}} is a profile shipped with the application; an agency profile cannot replace it',
  },
  'detail.profileNotNewer': {
    'zh-CN': '已加载 {{id}} 的第 {{version}} 版，新文件的版本须更高',
    en: 'version {{version}} of {{id}} is loaded already; the new file needs a higher version',
  },
  'detail.unknownMethod': { 'zh-CN': '未知方法 {{method}}', en: 'unknown method {{method}}' },
  'detail.missingArgument': { 'zh-CN': '缺少 {{what}}', en: 'missing {{what}}' },
  'detail.pathNotAbsolute': {
    'zh-CN': '请填写完整的绝对路径（以 / 或盘符开头）',
    en: 'give the full, absolute folder path (e.g. /data/exchange/outbox or D:\\exchange\\outbox)',
  },
  'detail.notVector': {
    'zh-CN': '该数据集不是矢量数据，没有要素',
    en: 'the dataset is not a vector one and has no features',
  },
  'detail.tableUnknownField': {
    'zh-CN': '图层没有字段“{{field}}”',
    en: 'the layer has no field “{{field}}”',
  },
  'detail.tableNotNumber': {
    'zh-CN': '字段“{{field}}”是数值型，“{{value}}”不是数字',
    en: 'the field “{{field}}” is numeric and “{{value}}” is not a number',
  },
  'detail.usage': { 'zh-CN': '用法：{{usage}}', en: 'usage: {{usage}}' },
  'detail.passwordNeeded': {
    'zh-CN': '缺少密码：请设置 {{variable}}，或在终端中运行以便提示输入',
    en: 'no password: set {{variable}}, or run in a terminal to be asked for it',
  },
  'detail.passwordsDiffer': { 'zh-CN': '两次输入的密码不一致', en: 'the two passwords differ' },
  'detail.unknownRole': {
    'zh-CN': '未知角色 {{role}}（可用：admin、curator、reviewer、publisher、mapmaker）',
    en: 'unknown role {{role}} (one of admin, curator, reviewer, publisher, mapmaker)',
  },
  'detail.jobRunning': { 'zh-CN': '该任务编号已在运行', en: 'the job id is already running' },
  'detail.targetPixelSize': { 'zh-CN': '目标像元大小', en: 'target pixel size' },
  'detail.sheetCode': {
    'zh-CN': '“{{code}}”不是 GB/T 13989 图幅号（如 J50 或 J50E001001）',
    en: '“{{code}}” is not a GB/T 13989 sheet number (such as J50 or J50E001001)',
  },
  'detail.sheetScale': {
    'zh-CN': '比例尺 1:{{scale}} 没有国家基本比例尺图幅，可选：{{scales}}',
    en: 'the scale 1:{{scale}} has no national basic-scale sheets; choose one of {{scales}}',
  },
  'detail.sheetPoint': {
    'zh-CN': '点（{{lon}}, {{lat}}）不在图幅范围内（经度 −180°–180°，纬度 0°–88°N）',
    en: 'the point ({{lon}}, {{lat}}) is outside the sheet system (longitude −180°–180°, latitude 0°–88°N)',
  },
  // Map products (issue 10, ADR 0179).
  'detail.layout': {
    'zh-CN': '版式{{where}}有误：{{problem}}',
    en: 'the layout is not valid{{where}}: {{problem}}',
  },
  'detail.layoutFile': {
    'zh-CN': '{{file}} 不是版式文件（应为 JSON）',
    en: '{{file}} is not a layout file (JSON expected)',
  },
  'detail.productNoData': {
    'zh-CN': '所选数据集没有可绘制的要素或坐标系',
    en: 'the datasets chosen have no features or no coordinate system to draw',
  },
  'detail.productNotPdf': {
    'zh-CN': '输出文件须以 .pdf 结尾',
    en: 'the output file must end in .pdf',
  },
  'problem.layout.shape': {
    'zh-CN': '不是 strata-layout 第 1 版文档',
    en: 'not a strata-layout version 1 document',
  },
  'problem.layout.kind': { 'zh-CN': '未知的版式元素类型', en: 'unknown item kind' },
  'problem.layout.props': { 'zh-CN': '元素属性无效', en: 'the item’s properties are not valid' },
  'problem.layout.duplicateId': { 'zh-CN': '元素编号重复', en: 'the item id is used twice' },
  'problem.layout.outsidePage': { 'zh-CN': '元素超出图纸范围', en: 'the item lies outside the page' },
  'problem.layout.mapFrameRef': {
    'zh-CN': '引用的地图框不存在',
    en: 'the map frame it refers to does not exist',
  },
  'problem.layout.crs': { 'zh-CN': '地图框的坐标系未知', en: 'the map frame’s CRS is unknown' },
  'problem.layout.secrecyMark': {
    'zh-CN': '版式须有且只有一个密级标志',
    en: 'a layout needs exactly one secrecy mark',
  },
  'problem.layout.markText': {
    'zh-CN': '密级标志由所用数据计算，不能填写文字',
    en: 'the secrecy mark is computed from the data used and cannot be typed',
  },
  'problem.layout.kmGridGeographic': {
    'zh-CN': '方里网须用投影坐标系的地图框',
    en: 'a kilometre grid needs a map frame in a projected CRS',
  },
  'problem.layout.tooSmall': {
    'zh-CN': '图纸放不下该比例尺的图幅',
    en: 'the paper cannot hold the sheet at that scale',
  },
  'detail.objectKey': { 'zh-CN': '存储对象键', en: 'object key' },
  'detail.bodyNotJson': { 'zh-CN': '请求体不是 JSON', en: 'the body is not JSON' },
  'detail.bodyNotCall': {
    'zh-CN': '请求体不是含调用方法与参数的 JSON 对象',
    en: 'the body is not a JSON object naming a method and its arguments',
  },

  'detail.standingMove': {
    'zh-CN': '该数据集{{state}}，不能{{action}}',
    en: 'the dataset is {{state}} and cannot be {{action}}',
  },
  'detail.reasonRequired': { 'zh-CN': '请写明理由', en: 'a reason is required' },
  'detail.searchFacet': {
    'zh-CN': '“{{given}}”不是 分面=值（分面：{{facets}}）',
    en: '“{{given}}” is not facet=value (facets: {{facets}})',
  },
  'detail.searchBbox': {
    'zh-CN': '“{{given}}”不是 最小经度,最小纬度,最大经度,最大纬度',
    en: '“{{given}}” is not minlon,minlat,maxlon,maxlat',
  },
  'detail.searchPage': {
    'zh-CN': '“{{given}}”不是页码（1、2、3…）',
    en: '“{{given}}” is not a page number (1, 2, 3 …)',
  },

  // Whether a dataset is in use (ADR 0171).
  'standing.active': { 'zh-CN': '在用', en: 'active' },
  'standing.withdrawn': { 'zh-CN': '已撤回', en: 'withdrawn' },
  'standing.archived': { 'zh-CN': '已归档', en: 'archived' },
  'standing.action.withdraw': { 'zh-CN': '撤回', en: 'withdrawn' },
  'standing.action.archive': { 'zh-CN': '归档', en: 'archived' },
  'standing.action.restore': { 'zh-CN': '恢复', en: 'restored' },

  // The workflow of DOMAIN.md (ADR 0171).
  'workflow.state.draft': { 'zh-CN': '草稿', en: 'draft' },
  'workflow.state.submitted': { 'zh-CN': '待审查', en: 'submitted' },
  'workflow.state.approved': { 'zh-CN': '审查通过', en: 'approved' },
  'workflow.state.returned': { 'zh-CN': '退回', en: 'returned' },
  'workflow.state.public-version': { 'zh-CN': '公开版', en: 'public version' },
  'workflow.state.rechecked': { 'zh-CN': '复核', en: 're-reviewed' },
  'workflow.state.exported': { 'zh-CN': '已导出', en: 'exported' },
  'workflow.action.submit': { 'zh-CN': '提交审查', en: 'submit for review' },
  'workflow.action.approve': { 'zh-CN': '批准', en: 'approve' },
  'workflow.action.return': { 'zh-CN': '退回', en: 'return' },
  'workflow.action.publish': { 'zh-CN': '生成公开版', en: 'produce a public version' },
  'workflow.action.recheck': { 'zh-CN': '确认复核', en: 'confirm the re-review' },
  'workflow.action.export': { 'zh-CN': '导出', en: 'export' },
  'workflow.action.edit': { 'zh-CN': '修改著录', en: 'edit the record' },
  'workflow.refused.role': { 'zh-CN': '当前角色不能{{action}}', en: 'this role cannot {{action}}' },
  'workflow.refused.state': {
    'zh-CN': '不能{{action}}：记录处于“{{state}}”状态',
    en: 'cannot {{action}}: the record is “{{state}}”',
  },

  'reason.levelAbovePublic': {
    'zh-CN': '密级为“{{level}}”，只有“公开”级数据可以导出',
    en: 'the level is {{level}}; only unclassified (公开) data may be exported',
  },
  'reason.notPublicVersion': {
    'zh-CN': '只能导出公开版；请先生成公开版',
    en: 'only a public version can be exported; produce one first',
  },
  'reason.payloadAltered': {
    'zh-CN': '存储中的 {{file}} 已不是登记时的内容（SHA-256 不符），未打包',
    en: '{{file}} in the store no longer holds the bytes recorded for it (SHA-256 differs); nothing was packaged',
  },
  'reason.lineageBroken': {
    'zh-CN': '公开版的沿革记录未指向其原始数据，无法证明它由审查过的步骤生成',
    en: 'the public version’s lineage does not lead back to its original, so nothing shows it was made by reviewed steps',
  },
  'reason.sameBytesAsSource': {
    'zh-CN': '公开版的文件与其原始数据的文件完全相同，未经任何处理',
    en: 'the public version’s files are its original’s own bytes, untransformed',
  },
  'reason.exportReviewFailed': {
    'zh-CN': '按当前规则重新审查待打包的文件，仍有 {{count}} 项阻断性问题',
    en: 'the files to be packaged, reviewed again with the current profile, have {{count}} blocking finding(s)',
  },
  'reason.payloadScanHit': {
    'zh-CN':
      '独立复扫在待打包文件中发现 {{count}} 处不应公开的内容，首处：{{file}} 偏移 {{offset}}（{{kind}}，{{encoding}}）',
    en: 'the independent re-scan found {{count}} withheld value(s) in the files to be packaged, first in {{file}} at offset {{offset}} ({{kind}}, {{encoding}})',
  },
  'scan.kind.droppedField': { 'zh-CN': '已删除字段的值', en: 'a value of a dropped field' },
  'scan.kind.removedFeature': { 'zh-CN': '已移除要素的值', en: 'a value of a removed feature' },
  'scan.kind.withheldMetadata': { 'zh-CN': '源数据的隐藏内容', en: 'hidden content of the source' },
  'scan.kind.localPath': { 'zh-CN': '本地路径', en: 'a local path' },
  'scan.kind.hostName': { 'zh-CN': '主机名', en: 'a host name' },
  'scan.kind.deletedRecord': { 'zh-CN': '已删除记录的内容', en: 'the text of a deleted record' },
  'scan.kind.sourceCoordinate': { 'zh-CN': '源数据的精确坐标', en: 'an exact source coordinate' },
  'scan.kind.maskedRaster': { 'zh-CN': '遮盖区域的栅格值', en: 'a raster value of a masked area' },
  'reason.notReviewed': {
    'zh-CN': '尚未对当前内容进行保密审查',
    en: 'the current content has not been reviewed',
  },
  'reason.blockingFindings': {
    'zh-CN': '保密审查仍有 {{count}} 项阻断性问题',
    en: 'the secrecy review still has {{count}} blocking finding(s)',
  },
  'reason.notApproved': {
    'zh-CN': '数据集 {{id}} 当前的保密审查尚未经审查员批准',
    en: 'the current secrecy review of dataset {{id}} has not been approved by a reviewer',
  },
  'reason.approvalUnsigned': {
    'zh-CN': '数据集 {{id}} 的审查批准没有审查员本人的签名（不是在 Strata 中批准的），不予采信',
    en: 'the approval of dataset {{id}} carries no signature of the reviewer’s own key (it was not given in Strata) and is not trusted',
  },
  'reason.approvalSignature': {
    'zh-CN': '数据集 {{id}} 的审查批准签名无法用 {{by}} 的公钥验证，批准记录已被改动',
    en: 'the signature on the approval of dataset {{id}} does not verify under the key of {{by}}: the approval was altered',
  },
  'reason.approvalSigner': {
    'zh-CN': '数据集 {{id}} 的批准人 {{by}} 不是本工作站可信的账户（账户不存在或在 Strata 之外被改动）',
    en: 'the approver of dataset {{id}}, {{by}}, is not a trusted account of this workstation (missing, or changed outside Strata)',
  },
  'reason.approvalSignerRole': {
    'zh-CN': '数据集 {{id}} 的批准人 {{by}} 不具有审查员角色',
    en: 'the approver of dataset {{id}}, {{by}}, does not hold the reviewer role',
  },
  'reason.approvalMismatch': {
    'zh-CN': '数据集 {{id}} 的批准声明与其审查记录不符（签署的是另一审查、另一数据集或另一人）',
    en: 'the approval statement of dataset {{id}} does not match its review (it was signed for another review, dataset or person)',
  },
  'reason.approvalContentChanged': {
    'zh-CN': '数据集 {{id}} 的内容（SHA-256）已不是审查员批准时的内容，批准失效',
    en: 'the content (SHA-256) of dataset {{id}} is no longer what the reviewer approved: the approval is void',
  },
  'reason.approvalReportChanged': {
    'zh-CN': '数据集 {{id}} 的审查报告（问题、决定或规则）已不是审查员批准时的报告，批准失效',
    en: 'the review report of dataset {{id}} (findings, decisions or profile) is no longer the one the reviewer approved: the approval is void',
  },
  'reason.approvalFourEyes': {
    'zh-CN': '数据集 {{id}} 由批准人 {{by}} 本人准备，四眼原则不允许其批准',
    en: 'dataset {{id}} was prepared by its approver {{by}}, which the four-eyes rule does not allow',
  },
  'reason.alreadyPublic': { 'zh-CN': '该数据已是公开版', en: 'this dataset already is a public version' },
  'reason.publicReviewFailed': {
    'zh-CN': '公开版复核仍有 {{count}} 项阻断性问题，未保存',
    en: 'the re-review of the written public version still has {{count}} blocking finding(s); nothing was kept',
  },
  'reason.notGeoreferenced': {
    'zh-CN': '数据只有控制点（GCP），没有格网地理定位；请先校正',
    en: 'the data has ground control points only, no grid georeferencing; rectify it first',
  },
  'reason.scanRelease': {
    'zh-CN':
      '该数据是以坐标文件定位的扫描图（{{format}}），但没有可用的显示副本（GeoTIFF），无法由其生成公开版；请先转换为 GeoTIFF 再导入',
    en: 'this dataset is a scan placed by a world file ({{format}}) without a display copy (GeoTIFF) to make a public version from; convert it to GeoTIFF and import that',
  },
  'reason.noCrs': {
    'zh-CN': '数据没有可识别的坐标参考系',
    en: 'the dataset has no known coordinate reference system',
  },
  'reason.planNeedsCurator': {
    'zh-CN':
      '审查发现第 {{findings}} 项无法由公开版变换处理（如题名、数据来源或密级标注），须由资料管理员修改后重新审查',
    en: 'review findings {{findings}} cannot be answered by a public-version transform (a title, the data source or the marking): the curator must change them and have the dataset reviewed again',
  },
  'reason.planRemovesLayer': {
    'zh-CN': '审查发现第 {{findings}} 项要求删除整个图层，公开版中将不剩任何内容',
    en: 'review findings {{findings}} remove the whole layer: nothing would be left to publish',
  },
  'reason.planNoTransform': {
    'zh-CN': '审查发现第 {{findings}} 项要求的处理（{{action}}）尚无可执行的公开版变换',
    en: 'review findings {{findings}} call for an action ({{action}}) no public-version transform performs yet',
  },
  'reason.planUnlocated': {
    'zh-CN': '审查发现第 {{findings}} 项未能定位到具体要素，无法删除',
    en: 'the features of review findings {{findings}} cannot be located, so they cannot be removed',
  },
  'reason.planOutputFormat': {
    'zh-CN':
      '公开版不能写为 {{format}}：栅格写为 GeoTIFF，矢量写为 GeoJSON 或 GeoPackage（GeoPackage 需要有 EPSG 代码的坐标系）',
    en: 'the public version cannot be written as {{format}}: a raster is written as GeoTIFF, a vector as GeoJSON or GeoPackage (a GeoPackage needs a CRS with an EPSG code)',
  },
  'reason.planProfileChanged': {
    'zh-CN': '审查所依据的规则配置 {{profile}} 已与审查时不同，请重新审查',
    en: 'the review profile {{profile}} the review applied is no longer what it was: review the dataset again',
  },
  'reason.profileLacksRule': {
    'zh-CN': '当前审查规则配置未启用检查项 {{rule}}，无法确定公开版应达到的精度',
    en: 'the review profile does not enable the check {{rule}}, so the precision a public version must have is not known',
  },
  'reason.rasterTooLarge': {
    'zh-CN':
      '原始栅格为 {{width}} × {{height}} 像元，超过生成公开版的处理上限（{{limit}} 像元）；请先分幅再分别生成',
    en: 'the original raster is {{width}} × {{height}} pixels, above the {{limit}}-pixel limit for producing a public version; split it into tiles first',
  },
  'reason.bagExists': {
    'zh-CN': '目标位置已存在同名数据包或文件：{{file}}',
    en: 'a package or file named {{file}} already exists at the destination',
  },

  'problem.unknownFormat': {
    'zh-CN': '不是可读取的格式，目前支持：{{formats}}',
    en: 'not a format Strata reads; supported: {{formats}}',
  },
  'problem.layerGone': {
    'zh-CN': '文件中已找不到该数据集的图层',
    en: "the dataset's layer is no longer in the file",
  },
  'problem.noLayers': {
    'zh-CN': '文件中没有可读取的图层',
    en: 'the file holds no layer Strata can read',
  },
  'problem.emptyFileSet': { 'zh-CN': '文件组为空', en: 'empty file set' },
  'problem.unreadable': { 'zh-CN': '无法读取', en: 'unreadable' },
  'problem.parserFailure': { 'zh-CN': '解析程序出错', en: 'parser failure' },
  'problem.partOverBudget': {
    'zh-CN': '{{part}} 超过 {{bytes}} 字节',
    en: '{{part}} over {{bytes}} bytes',
  },
  'problem.notPemKey': { 'zh-CN': '不是 PEM 私钥', en: 'not a PEM private key' },
  'problem.notEd25519Key': { 'zh-CN': '不是 Ed25519 密钥', en: 'not an Ed25519 key' },
  'problem.storedObjectSize': { 'zh-CN': '存储对象大小不符', en: 'stored object has the wrong size' },
  'problem.backupIntegrity': {
    'zh-CN': '备份未通过完整性检查',
    en: 'backup failed integrity_check',
  },
  'problem.notSqlite': { 'zh-CN': '不是 SQLite 数据库', en: 'not an SQLite database' },
  'problem.sqliteMalformed': { 'zh-CN': '数据库文件已损坏', en: 'database disk image is malformed' },
  'problem.foreignCatalogue': {
    'zh-CN': '不是 Strata 目录库（application_id 不符）',
    en: 'not a Strata catalogue (foreign application_id)',
  },
  'problem.newerCatalogue': {
    'zh-CN': '目录库由更新版本的 Strata 写入（结构版本 {{schemaVersion}}，本版支持 {{supported}}）',
    en: 'catalogue written by a newer Strata version (schema {{schemaVersion}}, this one supports {{supported}})',
  },
  'problem.restoreTooOld': {
    'zh-CN': '备份来自第 {{schemaVersion}} 版目录库，早于审计条目带密钥的版本，无法核验，不予恢复',
    en: 'the backup is a schema {{schemaVersion}} catalogue, older than keyed audit entries, and cannot be checked',
  },
  'problem.restoreChain': {
    'zh-CN': '备份的审计链或著录版本链未通过本工作站密钥核验（第 {{seq}} 条）',
    en: "the backup's audit or version chain does not verify with this workstation's key (entry {{seq}})",
  },
  'problem.quickCheck': { 'zh-CN': '数据库快速检查未通过', en: 'quick_check failed' },
  'problem.needsMigration': {
    'zh-CN': '目录库需要升级，无法以只读方式打开',
    en: 'catalogue needs migrating and cannot be opened read-only',
  },

  'problem.tiffHeaderShort': { 'zh-CN': '文件短于 TIFF 文件头', en: 'file shorter than a TIFF header' },
  'problem.notTiff': { 'zh-CN': '不是 TIFF 文件', en: 'not a TIFF file' },
  'problem.bigTiffHeader': { 'zh-CN': 'BigTIFF 文件头错误', en: 'bad BigTIFF header' },
  'problem.ifdLoop': { 'zh-CN': 'IFD 链成环', en: 'IFD chain loops' },
  'problem.ifdCount': { 'zh-CN': 'IFD 数量过多', en: 'too many IFDs' },
  'problem.noIfd': { 'zh-CN': '没有图像目录（IFD）', en: 'no image directory' },
  'problem.ifdEmpty': { 'zh-CN': 'IFD 为空', en: 'empty IFD' },
  'problem.ifdEntries': { 'zh-CN': 'IFD 条目过多', en: 'too many IFD entries' },
  'problem.tagType': {
    'zh-CN': '标签 {{tag}} 的类型 {{type}} 未知',
    en: 'tag {{tag}} has unknown type {{type}}',
  },
  'problem.tagNoValue': { 'zh-CN': '标签 {{tag}} 没有值', en: 'tag {{tag}} has no value' },
  'problem.tagValueLength': { 'zh-CN': '标签 {{tag}} 的值过长', en: 'tag {{tag}} value too long' },
  'problem.tagText': { 'zh-CN': '标签 {{tag}} 的值是文本', en: 'tag {{tag}} has a text value' },
  'problem.tagMissing': { 'zh-CN': '缺少标签 {{tag}}', en: 'missing {{tag}}' },
  'problem.tagCount': { 'zh-CN': '标签 {{tag}} 的个数不对', en: 'incorrect count for {{tag}}' },
  'problem.tagBad': { 'zh-CN': '标签 {{tag}} 的值无效', en: 'bad {{tag}}' },
  'problem.value64Range': { 'zh-CN': '64 位数值超出范围', en: '64-bit value out of range' },
  'problem.offset64Range': { 'zh-CN': '64 位偏移超出范围', en: '64-bit offset out of range' },
  'problem.offsetPastEnd': { 'zh-CN': '偏移超出文件末尾', en: 'offset beyond end of file' },
  'problem.shortRead': { 'zh-CN': '读取的字节不足', en: 'short read' },
  'problem.imageSizeZero': { 'zh-CN': '图像尺寸为零', en: 'zero image size' },
  'problem.imagePixels': {
    'zh-CN': '{{width}} × {{height}} 像元，超出上限',
    en: '{{width}} x {{height}} pixels',
  },
  'problem.samplesPerPixel': {
    'zh-CN': '每像元 {{samples}} 个样本',
    en: '{{samples}} samples per pixel',
  },
  'problem.tileSizeZero': { 'zh-CN': '瓦片尺寸为零', en: 'zero tile size' },
  'problem.rowsPerStripZero': { 'zh-CN': '条带行数（RowsPerStrip）为零', en: 'RowsPerStrip is zero' },
  'problem.blockSize': { 'zh-CN': '瓦片或条带过大', en: 'tile or strip too large' },
  'problem.blockOffsetsMissing': {
    'zh-CN': '缺少瓦片/条带的偏移或字节数',
    en: 'missing tile/strip offsets or byte counts',
  },
  'problem.blockCount': {
    'zh-CN': '列出 {{listed}} 个数据块，应为 {{expected}} 个',
    en: '{{listed}} blocks listed, {{expected}} expected',
  },
  'problem.blockPastEnd': { 'zh-CN': '瓦片/条带数据超出文件末尾', en: 'tile/strip data beyond end of file' },
  'problem.colorMapLength': {
    'zh-CN': '颜色表（ColorMap）长度与位深不符',
    en: 'ColorMap length does not match BitsPerSample',
  },
  'problem.mixedAcrossBands': { 'zh-CN': '各波段的 {{tag}} 不一致', en: 'mixed {{tag}} across bands' },
  'problem.sampleFormat': {
    'zh-CN': '{{bits}} 位、样本格式 {{format}} 的像元',
    en: '{{bits}}-bit samples of format {{format}}',
  },
  'problem.compression': { 'zh-CN': '压缩方式 {{compression}}', en: 'compression {{compression}}' },
  'problem.predictor': { 'zh-CN': '预测器 {{predictor}}', en: 'predictor {{predictor}}' },
  'problem.jpegSampleType': { 'zh-CN': '{{type}} 样本的 JPEG', en: 'JPEG with {{type}} samples' },
  'problem.jpegPredictor': { 'zh-CN': '带预测器的 JPEG', en: 'JPEG with a predictor' },
  'problem.jpegSamplesPerPixel': {
    'zh-CN': '每像元 {{samples}} 个样本的 JPEG',
    en: 'JPEG with {{samples}} samples per pixel',
  },
  'problem.ycbcrWithoutJpeg': { 'zh-CN': '非 JPEG 压缩的 YCbCr', en: 'YCbCr without JPEG' },
  'problem.paletteWithoutColorMap': {
    'zh-CN': '调色板影像没有颜色表',
    en: 'palette without a colour map',
  },
  'problem.paletteSampleType': { 'zh-CN': '{{type}} 类型的调色板', en: 'palette of {{type}}' },
  'problem.deflateDecode': { 'zh-CN': 'DEFLATE 数据流无法解码', en: 'DEFLATE stream does not decode' },
  'problem.blockShort': { 'zh-CN': '瓦片/条带短于其尺寸', en: 'tile/strip shorter than its size' },
  'problem.floatPredictorOnIntegers': {
    'zh-CN': '整数数据使用了浮点预测器',
    en: 'floating-point predictor on integers',
  },
  'problem.lzwStart': { 'zh-CN': 'LZW 数据流以表码开头', en: 'LZW stream starts with a table code' },
  'problem.lzwCode': { 'zh-CN': 'LZW 编码错误', en: 'bad LZW code' },
  'problem.jpegTables': {
    'zh-CN': 'JPEGTables 不是 JPEG 表数据',
    en: 'JPEGTables is not a JPEG table stream',
  },
  'problem.jpegNotStream': { 'zh-CN': '瓦片/条带不是 JPEG 数据流', en: 'tile/strip is not a JPEG stream' },
  'problem.jpegMarker': { 'zh-CN': '此处应为 JPEG 标记', en: 'JPEG marker expected' },
  'problem.jpegSegmentEnd': {
    'zh-CN': 'JPEG 段超出瓦片/条带末尾',
    en: 'JPEG segment beyond end of tile/strip',
  },
  'problem.jpegLossless': {
    'zh-CN': '无损或算术编码的 JPEG',
    en: 'lossless or arithmetic-coded JPEG',
  },
  'problem.jpegNoFrame': { 'zh-CN': 'JPEG 数据流没有帧头', en: 'JPEG stream without a frame header' },
  'problem.jpegFrameHeader': { 'zh-CN': 'JPEG 帧头错误', en: 'bad JPEG frame header' },
  'problem.jpegSampling': { 'zh-CN': 'JPEG 采样因子错误', en: 'bad JPEG sampling factors' },
  'problem.jpegNoSize': { 'zh-CN': 'JPEG 帧没有尺寸', en: 'JPEG frame without a size' },
  'problem.jpegPrecision': { 'zh-CN': '{{bits}} 位 JPEG', en: '{{bits}}-bit JPEG' },
  'problem.jpegComponents': {
    'zh-CN': 'JPEG 分量数与每像元样本数不符',
    en: 'JPEG components do not match SamplesPerPixel',
  },
  'problem.jpegFrameSize': {
    'zh-CN': 'JPEG 帧尺寸与瓦片/条带不符',
    en: 'JPEG frame size does not match the tile/strip',
  },
  'problem.jpegDecode': { 'zh-CN': 'JPEG 数据流无法解码', en: 'JPEG stream does not decode' },
  'problem.geoKeysShort': { 'zh-CN': 'GeoKeyDirectory 过短', en: 'GeoKeyDirectory too short' },
  'problem.geoKeysCount': {
    'zh-CN': 'GeoKeyDirectory 短于其键数',
    en: 'GeoKeyDirectory shorter than its key count',
  },
  'problem.pixelScale': { 'zh-CN': 'ModelPixelScale 无效', en: 'bad ModelPixelScale' },
  'problem.tiepoint': { 'zh-CN': 'ModelTiepoint 无效', en: 'bad ModelTiepoint' },
  'problem.geoTransformSingular': {
    'zh-CN': 'ModelTransformation 无效（不可逆或非有限值）',
    en: 'bad ModelTransformation (singular or not finite)',
  },
  'problem.resampleNotNorthUp': {
    'zh-CN': '公开版块平均重采样只支持北向朝上且无旋转的格网（此栅格有旋转或南向朝上）',
    en: 'the public-version block average needs a north-up grid without rotation (this raster is rotated or south-up)',
  },
  'problem.packedBitsPredictor': {
    'zh-CN': '{{bits}} 位打包样本不能使用预测器',
    en: 'predictor on {{bits}}-bit packed samples',
  },
  'problem.lercPackedBits': {
    'zh-CN': '{{bits}} 位打包样本的 LERC',
    en: 'LERC of {{bits}}-bit packed samples',
  },
  'problem.lercCompression': {
    'zh-CN': 'LERC 的附加压缩方式 {{compression}}',
    en: 'LERC additional compression {{compression}}',
  },
  'problem.lercDecode': { 'zh-CN': 'LERC 数据无法解码', en: 'LERC blob does not decode' },
  'problem.zstdDecode': { 'zh-CN': 'ZSTD 数据流无法解码', en: 'ZSTD stream does not decode' },
  'problem.worldFileLines': {
    'zh-CN': '坐标文件应有 6 行数字，每行一个',
    en: 'world file must hold 6 numbers, one a line',
  },
  'problem.worldFileSingular': {
    'zh-CN': '坐标文件的变换不可逆',
    en: 'world file transform is singular',
  },
  'problem.imageHeader': { 'zh-CN': '{{format}} 图像头无效', en: 'bad {{format}} image header' },
  'problem.pngDecode': { 'zh-CN': 'PNG 数据无法解码', en: 'PNG data does not decode' },
  'problem.pngInterlaced': { 'zh-CN': '隔行扫描的 PNG', en: 'interlaced PNG' },
  'problem.noWorldFile': {
    'zh-CN': '{{format}} 图像旁没有同名的坐标文件（世界文件），无法定位',
    en: 'no world file (.pgw/.jgw/.wld ...) beside the {{format}} image, so it cannot be placed',
  },
  'problem.scanDecode': {
    'zh-CN':
      '{{width}} × {{height}} 像元的 {{format}} 扫描图整幅解码约需 {{mb}} MB，超过 {{limit}} MB 的上限；请先转换为分块 GeoTIFF',
    en: 'decoding the {{width}} x {{height}} {{format}} scan at once needs about {{mb}} MB, over the {{limit}} MB limit; convert it to a tiled GeoTIFF first',
  },
  'problem.scanCrsCode': {
    'zh-CN': '不认识的坐标参考系“{{crs}}”',
    en: 'unknown coordinate reference system "{{crs}}"',
  },
  'problem.crsUnreadable': { 'zh-CN': '无法读取坐标参考系定义', en: 'CRS definition cannot be read' },
  'problem.crsAxisOrder': { 'zh-CN': '无法写出该坐标轴顺序', en: 'CRS axis order cannot be written' },
  'problem.utmZone': { 'zh-CN': '缺少 UTM 带号', en: 'UTM zone missing' },
  'problem.stereographicPolar': {
    'zh-CN': '只能写出极地球面投影',
    en: 'only polar stereographic can be written',
  },
  'problem.projectionGeoKeys': {
    'zh-CN': '投影 {{projection}} 无法写为 GeoKeys',
    en: 'projection {{projection}} cannot be written as GeoKeys',
  },
  'problem.bigEndianHost': { 'zh-CN': '大端字节序主机', en: 'big-endian host' },
  'problem.horizontalPredictorOnFloats': {
    'zh-CN': '浮点数据使用了水平预测器',
    en: 'horizontal predictor on floats',
  },
  'problem.output4GiB': {
    'zh-CN': '输出将超过 4 GiB（不写 BigTIFF）',
    en: 'output would exceed 4 GiB (BigTIFF is not written)',
  },
  'problem.notShapefile': { 'zh-CN': '不是 Shapefile（.shp 文件头）', en: 'not a shapefile (.shp header)' },
  'problem.shpHeaderLength': { 'zh-CN': '.shp 文件头中的长度过小', en: '.shp header length is too small' },
  'problem.shpShorterThanHeader': {
    'zh-CN': '.shp 短于文件头所述长度',
    en: '.shp is shorter than its header says',
  },
  'problem.shpRecordPastEnd': {
    'zh-CN': '第 {{record}} 条记录超出 .shp 末尾',
    en: 'record {{record}} runs past the end of the .shp',
  },
  'problem.shpRecordShort': {
    'zh-CN': '第 {{record}} 条记录短于其点数所需',
    en: 'record {{record}} is shorter than its point count needs',
  },
  'problem.shpRecordCounts': {
    'zh-CN': '第 {{record}} 条记录的部分数/点数不合理',
    en: 'record {{record}} has impossible part/point counts',
  },
  'problem.shpPartIndex': {
    'zh-CN': '第 {{record}} 条记录的部分索引超出其点集',
    en: 'record {{record}} has a part index outside its points',
  },
  'problem.shpRecordEmpty': { 'zh-CN': '第 {{record}} 条记录为空', en: 'record {{record}} is empty' },
  'problem.shapeType': { 'zh-CN': '几何类型 {{type}}', en: 'shape type {{type}}' },
  'problem.vertexBudget': { 'zh-CN': '顶点数超出处理上限', en: 'more vertices than the budget allows' },
  'problem.shpDbfCountMismatch': {
    'zh-CN': '.shp 有 {{shapes}} 个图形，而 .dbf 有 {{records}} 条记录',
    en: '.shp has {{shapes}} shapes but .dbf has {{records}} records',
  },
  'problem.dbfShorterThanHeader': { 'zh-CN': '.dbf 短于其文件头', en: '.dbf shorter than its header' },
  'problem.dbfTooManyRecords': {
    'zh-CN': '.dbf 声明有 {{count}} 条记录，超出上限',
    en: '.dbf declares {{count}} records',
  },
  'problem.dbfHeaderLength': {
    'zh-CN': '.dbf 文件头长度超出文件',
    en: '.dbf header length outside the file',
  },
  'problem.dbfShorterThanRecords': {
    'zh-CN': '.dbf 短于记录数 × 记录长度',
    en: '.dbf is shorter than its record count × record length',
  },
  'problem.dbfFieldsTooWide': { 'zh-CN': '.dbf 字段宽于一条记录', en: '.dbf fields are wider than a record' },
  'problem.geojsonTextLength': {
    'zh-CN': '文本超过 {{max}} 个字符',
    en: 'text longer than {{max}} characters',
  },
  'problem.geojsonNotJson': { 'zh-CN': '不是有效的 JSON', en: 'not valid JSON' },
  'problem.geojsonTopLevel': { 'zh-CN': '顶层不是 JSON 对象', en: 'top level is not a JSON object' },
  'problem.geojsonFeaturesArray': {
    'zh-CN': 'FeatureCollection 没有 features 数组',
    en: 'FeatureCollection has no features array',
  },
  'problem.geojsonNotFeature': {
    'zh-CN': '第 {{feature}} 个要素不是 Feature',
    en: 'feature {{feature}} is not a Feature',
  },
  'problem.geojsonProperties': {
    'zh-CN': '第 {{feature}} 个要素：properties 不是对象',
    en: 'feature {{feature}}: properties is not an object',
  },
  'problem.geojsonGeometryObject': {
    'zh-CN': '第 {{feature}} 个要素：geometry 不是对象',
    en: 'feature {{feature}}: geometry is not an object',
  },
  'problem.geojsonGeometryType': {
    'zh-CN': '第 {{feature}} 个要素：未知的几何类型',
    en: 'feature {{feature}}: unknown geometry type',
  },
  'problem.geojsonCoordinatesArray': {
    'zh-CN': '第 {{feature}} 个要素：coordinates 不是数组',
    en: 'feature {{feature}}: coordinates are not an array',
  },
  'problem.geojsonPositionShape': {
    'zh-CN': '第 {{feature}} 个要素：坐标位置不是由 2 个以上数字组成的数组',
    en: 'feature {{feature}}: a position is not an array of 2+ numbers',
  },
  'problem.geojsonPositionNumber': {
    'zh-CN': '第 {{feature}} 个要素：坐标位置含有非数字',
    en: 'feature {{feature}}: a position holds a non-number',
  },
  'problem.geojsonCollectionDepth': {
    'zh-CN': '第 {{feature}} 个要素：几何集合嵌套过深',
    en: 'feature {{feature}}: geometry collections nested too deep',
  },
  'problem.geojsonGeometriesArray': {
    'zh-CN': '第 {{feature}} 个要素：geometries 不是数组',
    en: 'feature {{feature}}: geometries is not an array',
  },

  // Zip archives, KML/KMZ, GPX, CSV (issue 6)
  'problem.zipNoDirectory': {
    'zh-CN': '不是完整的 zip 压缩包（找不到中央目录，文件可能被截断）',
    en: 'not a complete zip archive (no central directory; the file may be truncated)',
  },
  'problem.zip64': { 'zh-CN': '不支持 ZIP64 压缩包', en: 'ZIP64 archives are not supported' },
  'problem.zipEntries': {
    'zh-CN': '压缩包有 {{count}} 个条目，超过 {{max}} 个的上限',
    en: 'the archive has {{count}} entries, over the limit of {{max}}',
  },
  'problem.zipNameBackslash': {
    'zh-CN': '压缩包第 {{entry}} 个条目的路径含反斜杠，已拒绝',
    en: 'entry {{entry}} of the archive has a backslash in its path; refused',
  },
  'problem.zipNameAbsolute': {
    'zh-CN': '压缩包第 {{entry}} 个条目是绝对路径，已拒绝',
    en: 'entry {{entry}} of the archive has an absolute path; refused',
  },
  'problem.zipNameDrive': {
    'zh-CN': '压缩包第 {{entry}} 个条目的路径带盘符，已拒绝',
    en: 'entry {{entry}} of the archive has a drive letter in its path; refused',
  },
  'problem.zipNameControl': {
    'zh-CN': '压缩包第 {{entry}} 个条目的名称含控制字符，已拒绝',
    en: 'entry {{entry}} of the archive has control characters in its name; refused',
  },
  'problem.zipNameParent': {
    'zh-CN': '压缩包第 {{entry}} 个条目的路径含“..”，会指向压缩包之外（路径穿越），已拒绝',
    en: 'entry {{entry}} of the archive has ".." in its path and would point outside the archive (zip slip); refused',
  },
  'problem.zipNameEmpty': {
    'zh-CN': '压缩包第 {{entry}} 个条目的路径含空段或“.”，已拒绝',
    en: 'entry {{entry}} of the archive has an empty or "." path segment; refused',
  },
  'problem.zipNameReserved': {
    'zh-CN': '压缩包第 {{entry}} 个条目使用了 Windows 保留名称，已拒绝',
    en: 'entry {{entry}} of the archive uses a Windows reserved name; refused',
  },
  'problem.zipDuplicateName': {
    'zh-CN': '压缩包第 {{entry}} 个条目与前面的条目同名（不区分大小写），已拒绝',
    en: 'entry {{entry}} of the archive repeats an earlier name (ignoring case); refused',
  },
  'problem.zipEncrypted': {
    'zh-CN': '压缩包第 {{entry}} 个条目已加密：请解密后重新打包再导入',
    en: 'entry {{entry}} of the archive is encrypted: decrypt and re-pack it, then import again',
  },
  'problem.zipMethod': {
    'zh-CN': '压缩包第 {{entry}} 个条目使用了不支持的压缩方式 {{method}}',
    en: 'entry {{entry}} of the archive uses unsupported compression method {{method}}',
  },
  'problem.zipEntryPastEnd': {
    'zh-CN': '压缩包第 {{entry}} 个条目超出文件末尾（文件可能被截断）',
    en: 'entry {{entry}} of the archive runs past the end of the file (it may be truncated)',
  },
  'problem.zipEntryData': {
    'zh-CN': '压缩包第 {{entry}} 个条目的数据已损坏（解压失败、长度或校验和不符）',
    en: 'entry {{entry}} of the archive is damaged (does not inflate, or its size or checksum is wrong)',
  },
  'problem.zipTotal': {
    'zh-CN': '压缩包解压后超过 {{max}} 字节的上限',
    en: 'the archive would inflate to more than the {{max}}-byte limit',
  },
  'problem.zipRatio': {
    'zh-CN': '压缩包第 {{entry}} 个条目的压缩比超过 {{max}}:1，疑为压缩炸弹，已拒绝',
    en: 'entry {{entry}} of the archive is compressed more than {{max}}:1, like a zip bomb; refused',
  },
  'problem.zipEntryOverBudget': {
    'zh-CN': '压缩包中的 {{part}} 超过 {{bytes}} 字节的上限',
    en: 'the {{part}} in the archive is over the {{bytes}}-byte limit',
  },
  'problem.zipNoShapefile': {
    'zh-CN': '压缩包中没有 Shapefile（.shp）',
    en: 'the archive holds no shapefile (.shp)',
  },
  'problem.zipSqlite': {
    'zh-CN': '压缩包中的数据库文件（如 GeoPackage）不能直接读取：请先解压再导入',
    en: 'a database file (such as a GeoPackage) cannot be read inside an archive: unzip it and import the file',
  },
  'problem.kmzNoKml': { 'zh-CN': 'KMZ 中没有 .kml 文档', en: 'the KMZ holds no .kml document' },
  'problem.encodingName': {
    'zh-CN': '不认识的字符编码“{{encoding}}”',
    en: 'unknown text encoding "{{encoding}}"',
  },
  'problem.xmlEncoding': {
    'zh-CN': 'XML 声明了不认识的字符编码“{{encoding}}”',
    en: 'the XML declares an unknown encoding "{{encoding}}"',
  },
  'problem.xmlDoctype': {
    'zh-CN': 'XML 含有文档类型（DOCTYPE）或实体声明，可能用于实体膨胀或读取本机文件，已拒绝',
    en: 'the XML declares a document type (DOCTYPE) or entities, which can expand without bound or read local files; refused',
  },
  'problem.xmlMalformed': {
    'zh-CN': 'XML 格式错误（第 {{line}} 行附近）',
    en: 'malformed XML (near line {{line}})',
  },
  'problem.kmlNotKml': { 'zh-CN': '根元素不是 <kml>', en: 'the root element is not <kml>' },
  'problem.gpxNotGpx': { 'zh-CN': '根元素不是 <gpx>', en: 'the root element is not <gpx>' },
  'problem.csvEmpty': { 'zh-CN': 'CSV 没有表头', en: 'the CSV has no header row' },
  'problem.csvNoCoordinates': {
    'zh-CN': 'CSV 中找不到坐标列（经度/纬度、X/Y 或 WKT）：请用 --x 与 --y（或导入对话框）指定坐标列',
    en: 'no coordinate columns found in the CSV (lon/lat, X/Y or WKT): name them with --x and --y (or in the import dialog)',
  },
  'problem.csvColumnMissing': {
    'zh-CN': 'CSV 中没有名为“{{column}}”的列',
    en: 'the CSV has no column named "{{column}}"',
  },
  'problem.csvCrsCode': {
    'zh-CN': '不认识的坐标参考系“{{crs}}”',
    en: 'unknown coordinate reference system "{{crs}}"',
  },
  'problem.csvColumns': {
    'zh-CN': 'CSV 有 {{count}} 列，超过 {{max}} 列的上限',
    en: 'the CSV has {{count}} columns, over the limit of {{max}}',
  },
  'notice.csv.rowsWithoutCoordinates': {
    'zh-CN': '{{file}}：部分行没有有效坐标，已作为无几何的要素导入（属性保留，不在地图上显示）',
    en: '{{file}}: some rows have no valid coordinates; they were imported as features without geometry (attributes kept, not on the map)',
  },
  'bag.missing': { 'zh-CN': '{{path}}：缺失', en: '{{path}}: missing' },
  'bag.outsideData': {
    'zh-CN': '{{path}}：载荷清单列出了 data/ 之外的文件',
    en: '{{path}}: payload manifest lists a file outside data/',
  },
  'bag.listedButMissing': {
    'zh-CN': '{{path}}：列于 {{manifest}} 但文件缺失',
    en: '{{path}}: listed in {{manifest}} but missing',
  },
  'bag.notAllowedInTagManifest': {
    'zh-CN': '{{path}}：不允许列于 {{manifest}}',
    en: '{{path}}: not allowed in {{manifest}}',
  },
  'bag.notInManifest': {
    'zh-CN': '{{path}}：位于 data/ 但未列于 {{manifest}}',
    en: '{{path}}: in data/ but not in {{manifest}}',
  },
  'bag.tagNotCovered': {
    'zh-CN': '{{path}}：标签文件未被 {{manifest}} 覆盖',
    en: '{{path}}: tag file not covered by {{manifest}}',
  },
  'bag.emptyPath': { 'zh-CN': '{{path}}：空路径', en: '{{path}}: empty path' },
  'bag.absolutePath': { 'zh-CN': '{{path}}：绝对路径', en: '{{path}}: absolute path' },
  'bag.drivePath': { 'zh-CN': '{{path}}：带盘符的路径', en: '{{path}}: drive-letter path' },
  'bag.backslash': { 'zh-CN': '{{path}}：路径含反斜杠', en: '{{path}}: backslash in path' },
  'bag.nulInPath': { 'zh-CN': '{{path}}：路径含 NUL 字符', en: '{{path}}: NUL character in path' },
  'bag.controlInPath': { 'zh-CN': '{{path}}：路径含控制字符', en: '{{path}}: control character in path' },
  'bag.invalidUnicode': {
    'zh-CN': '{{path}}：不是有效的 Unicode（或名称不是有效的 UTF-8）',
    en: '{{path}}: not valid Unicode (or a name that was not valid UTF-8)',
  },
  'bag.emptySegment': { 'zh-CN': '{{path}}：空的路径段', en: '{{path}}: empty path segment' },
  'bag.parentSegment': {
    'zh-CN': '{{path}}：上级目录段 ".."',
    en: '{{path}}: parent-directory segment ".."',
  },
  'bag.currentSegment': {
    'zh-CN': '{{path}}：当前目录段 "."',
    en: '{{path}}: current-directory segment "."',
  },
  'bag.windowsCharacter': {
    'zh-CN': '{{path}}：含 Windows 不允许的字符（< > : " | ? *）',
    en: '{{path}}: character not allowed on Windows (< > : " | ? *)',
  },
  'bag.trailingDotOrSpace': {
    'zh-CN': '{{path}}：名称以点或空格结尾（Windows 会丢弃）',
    en: '{{path}}: name ends with a dot or space (Windows drops it)',
  },
  'bag.reservedName': {
    'zh-CN': '{{path}}：Windows 保留设备名',
    en: '{{path}}: Windows reserved device name',
  },
  'bag.nameTooLong': {
    'zh-CN': '{{path}}：名称超过 {{max}} 字节',
    en: '{{path}}: name longer than {{max}} bytes',
  },
  'bag.collides': {
    'zh-CN': '{{path}}：与 {{other}} 冲突（大小写或 Unicode 规范化）',
    en: '{{path}}: collides with {{other}} (case or Unicode normalisation)',
  },
  'bag.isDirectory': { 'zh-CN': '{{path}}：是目录', en: '{{path}}: is a directory' },
  'bag.listedTwice': { 'zh-CN': '{{path}}：重复列出', en: '{{path}}: listed twice' },
  'bag.parentIsFile': {
    'zh-CN': '{{path}}：其上级也被列为文件',
    en: '{{path}}: a parent of it is also listed as a file',
  },
  'bag.nameSlash': {
    'zh-CN': '{{path}}：数据包名称不能含 "/"',
    en: '{{path}}: bag name must not contain "/"',
  },
  'bag.nameDot': {
    'zh-CN': '{{path}}：数据包名称不能以 "." 开头',
    en: '{{path}}: bag name must not start with "."',
  },
  'bag.payloadEmpty': { 'zh-CN': '载荷为空', en: 'the payload is empty' },
  'bag.notDeclaration': { 'zh-CN': '{{path}}：不是 BagIt 声明', en: '{{path}}: not a BagIt declaration' },
  'bag.bagitVersion': {
    'zh-CN': '{{path}}：不支持的 BagIt 版本 {{version}}',
    en: '{{path}}: unsupported BagIt version {{version}}',
  },
  'bag.bagitEncoding': { 'zh-CN': '{{path}}：标签文件必须为 UTF-8', en: '{{path}}: tag files must be UTF-8' },
  'bag.infoLabelEmpty': { 'zh-CN': 'bag-info 标签为空', en: 'bag-info label is empty' },
  'bag.infoLabelCharacters': {
    'zh-CN': 'bag-info 标签含冒号、空白或控制字符',
    en: 'bag-info label contains a colon, white space or a control character',
  },
  'bag.infoValueControl': {
    'zh-CN': 'bag-info 值含换行或控制字符',
    en: 'bag-info value contains a line break or control character',
  },
  'bag.infoValueSpace': {
    'zh-CN': 'bag-info 值以空白开头或结尾',
    en: 'bag-info value starts or ends with white space',
  },
  'bag.infoLabelReserved': {
    'zh-CN': 'bag-info 标签 {{label}} 由写出程序设置',
    en: 'bag-info label {{label}} is set by the writer',
  },
  'bag.infoContinuation': {
    'zh-CN': '{{path}} 第 {{line}} 行：续行前没有标签',
    en: '{{path}} line {{line}}: continuation without a label',
  },
  'bag.infoLine': {
    'zh-CN': '{{path}} 第 {{line}} 行：不是“标签: 值”格式',
    en: '{{path}} line {{line}}: not a "label: value" line',
  },
  'bag.manifestLine': {
    'zh-CN': '{{path}} 第 {{line}} 行：不是“<sha256> <路径>”格式',
    en: '{{path}} line {{line}}: not "<sha256> <path>"',
  },
  'bag.manifestTwice': {
    'zh-CN': '{{path}} 第 {{line}} 行：路径重复列出',
    en: '{{path}} line {{line}}: path listed twice',
  },
  'bag.tagTooLarge': {
    'zh-CN': '{{path}}：大于 {{max}} 字节',
    en: '{{path}}: larger than {{max}} bytes',
  },
  'bag.tagNotUtf8': { 'zh-CN': '{{path}}：不是 UTF-8 文本', en: '{{path}}: not UTF-8 text' },
  'bag.tooDeep': {
    'zh-CN': '数据包层级过深或条目过多',
    en: 'the bag is too deep or has too many entries',
  },
  'bag.unlistedDirectory': {
    'zh-CN': '{{path}}：目录中没有 manifest-sha256.txt 或 tagmanifest-sha256.txt 所列的文件',
    en: '{{path}}: directory holds no file listed in manifest-sha256.txt or tagmanifest-sha256.txt',
  },
  'bag.symlink': { 'zh-CN': '{{path}}：符号链接', en: '{{path}}: symbolic link' },
  'bag.special': {
    'zh-CN': '{{path}}：既不是普通文件也不是目录',
    en: '{{path}}: not a regular file or directory',
  },
  'bag.payloadOxum': {
    'zh-CN': '{{path}}：Payload-Oxum 与载荷不符（{{files}} 个文件，{{bytes}} 字节）',
    en: '{{path}}: Payload-Oxum does not match the payload ({{files}} files, {{bytes}} bytes)',
  },
  'bag.checksum': {
    'zh-CN': '{{path}}：SHA-256 与 {{manifest}} 不符',
    en: '{{path}}: SHA-256 differs from {{manifest}}',
  },
  'bag.noTrustedKey': {
    'zh-CN':
      '没有可信公钥（校验时给出，或在接收端用 strata keys trust 信任发送端）；数据包内附带的公钥一律不用',
    en: 'no trusted public key (give one to verify, or pin the sender with strata keys trust to receive); a key inside the bag is never used',
  },
  'bag.keyNotEd25519': {
    'zh-CN': '所给公钥不是 Ed25519 公钥',
    en: 'the given public key is not an Ed25519 key',
  },
  'bag.keyNotPem': { 'zh-CN': '所给公钥不是 PEM 公钥', en: 'the given public key is not a PEM public key' },
  'bag.signatureSize': {
    'zh-CN': '{{path}}：不是 {{bytes}} 字节的 Ed25519 签名',
    en: '{{path}}: not a {{bytes}}-byte Ed25519 signature',
  },
  'bag.unreadable': { 'zh-CN': '{{path}}：无法读取', en: '{{path}}: unreadable' },
  'bag.signatureInvalid': {
    'zh-CN': '{{path}}：对 {{manifest}} 的签名无法用所给公钥验证',
    en: '{{path}}: the signature over {{manifest}} does not verify with the given public key',
  },
  'bag.rootSymlink': { 'zh-CN': '数据包路径是符号链接', en: 'the bag path is a symbolic link' },
  'bag.rootNotDirectory': { 'zh-CN': '数据包路径不是目录', en: 'the bag path is not a directory' },
  'bag.skipped': { 'zh-CN': '已跳过：前一步未通过', en: 'skipped: an earlier step failed' },
  'bag.fetchRefused': {
    'zh-CN': '{{path}}：数据包要求从别处下载文件，单向网闸一律不取',
    en: '{{path}}: the bag asks for files from elsewhere; a one-way gateway never fetches',
  },
  'bag.fileTooLarge': {
    'zh-CN': '{{path}}：超过单个文件上限 {{max}} 字节',
    en: '{{path}}: larger than the {{max}}-byte limit for one file',
  },
  'bag.payloadTooLarge': {
    'zh-CN': '数据包共 {{bytes}} 字节，超过上限 {{max}} 字节',
    en: 'the bag holds {{bytes}} bytes, over the {{max}}-byte limit',
  },
  'bag.tooManyFiles': {
    'zh-CN': '数据包有 {{files}} 个文件，超过上限 {{max}} 个',
    en: 'the bag holds {{files}} files, over the limit of {{max}}',
  },
  'bag.metadataMissing': {
    'zh-CN': '{{path}}：缺少公开版元数据',
    en: '{{path}}: the public metadata is missing',
  },
  'bag.metadataInvalid': {
    'zh-CN': '{{path}}：元数据不合规（{{field}}）',
    en: '{{path}}: the metadata is not valid ({{field}})',
  },
  'bag.metadataXmlInvalid': {
    'zh-CN': '{{path}}：不是格式良好的 XML',
    en: '{{path}}: not well-formed XML',
  },
  'bag.dataFileMissing': {
    'zh-CN': '{{path}}：元数据所指的数据文件不在数据包中',
    en: '{{path}}: the data file the metadata names is not in the bag',
  },
  'bag.formatUnrecognised': {
    'zh-CN': '{{path}}：按内容无法识别为允许的格式（{{problem}}）',
    en: '{{path}}: its content is not an allowed format ({{problem}})',
  },
  'bag.formatMismatch': {
    'zh-CN': '{{path}}：内容是 {{detected}}，元数据却称 {{named}}',
    en: '{{path}}: the content is {{detected}} but the metadata says {{named}}',
  },
  'bag.fileNotInSet': {
    'zh-CN': '{{path}}：不属于数据文件，也不是元数据',
    en: '{{path}}: neither part of the data file set nor metadata',
  },
  'bag.levelNotPublic': {
    'zh-CN': '{{path}}：密级为“{{level}}”，只接收“公开”',
    en: '{{path}}: the level is "{{level}}"; only public packages are received',
  },
  'bag.alreadyReceived': {
    'zh-CN': '该数据包已于 {{at}} 接收（数据集 {{datasets}}）',
    en: 'this package was received already on {{at}} (datasets {{datasets}})',
  },
  'bag.payloadChanged': {
    'zh-CN': '数据包在校验后被改动（{{step}}）：拒收',
    en: 'the bag changed after it was checked ({{step}}): refused',
  },
  'bag.importFailed': {
    'zh-CN': '{{path}}：入库失败（{{problem}}）',
    en: '{{path}}: could not be taken into the catalogue ({{problem}})',
  },

  'finding.positionPrecision': {
    'zh-CN': '坐标精度约 {{precision}} 米，细于允许的 {{threshold}} 米',
    en: 'Coordinates are precise to about {{precision}} m, finer than the allowed {{threshold}} m',
  },
  'finding.demResolution': {
    'zh-CN': 'DEM 格网分辨率 {{resolution}} 米，细于允许的 {{threshold}} 米',
    en: 'DEM grid resolution {{resolution}} m is finer than the allowed {{threshold}} m',
  },
  'finding.imageryResolution': {
    'zh-CN': '影像地面分辨率 {{resolution}} 米，细于允许的 {{threshold}} 米',
    en: 'Imagery ground resolution {{resolution}} m is finer than the allowed {{threshold}} m',
  },
  'finding.noCrs': {
    'zh-CN': '无坐标参考系，无法判断精度',
    en: 'No coordinate reference system: precision cannot be judged',
  },
  'finding.hiddenContent': {
    'zh-CN': '隐藏位置含有文字（{{count}} 处），公开版须清除',
    en: 'Text in a hidden place ({{count}} items); a public version strips it',
  },
  'finding.hiddenResidue': {
    'zh-CN': '已删除或未被引用的数据中残留文字（{{count}} 处），公开版须清除',
    en: 'Text left in deleted or unreferenced data ({{count}} items); a public version strips it',
  },
  'finding.hiddenLocalPath': {
    'zh-CN': '元数据含有本地路径或主机名（{{count}} 处）',
    en: 'Metadata names a local path or host ({{count}} items)',
  },

  'finding.forbiddenText': {
    'zh-CN': '含禁止公开的内容“{{keyword}}”',
    en: 'Contains forbidden content "{{keyword}}"',
  },
  'finding.forbiddenLayerName': {
    'zh-CN': '名称含禁止公开的内容“{{keyword}}”，整层不得公开',
    en: 'The name holds forbidden content "{{keyword}}": the layer cannot be published',
  },
  'finding.forbiddenFieldName': {
    'zh-CN': '字段名含禁止公开的内容“{{keyword}}”',
    en: 'A field name holds forbidden content "{{keyword}}"',
  },
  'finding.forbiddenValue': {
    'zh-CN': '属性值含禁止公开的内容“{{keyword}}”',
    en: 'Attribute values hold forbidden content "{{keyword}}"',
  },
  'finding.forbiddenClass': {
    'zh-CN': '要素类别“{{class}}”禁止公开',
    en: 'Features of the forbidden class "{{class}}"',
  },
  'finding.sensitiveField': {
    'zh-CN': '敏感属性字段（“{{pattern}}”）',
    en: 'Sensitive attribute field ("{{pattern}}")',
  },
  'finding.coordinateField': {
    'zh-CN': '属性中保存了精确坐标（{{axis}} 轴，精度约 {{precision}} 米，细于 {{threshold}} 米）',
    en: 'An attribute keeps precise coordinates ({{axis}} axis, precise to about {{precision}} m, finer than {{threshold}} m)',
  },
  'finding.graticuleLayer': {
    'zh-CN': '经纬网/方里网图层（“{{keyword}}”，比例尺 {{scale}}）',
    en: 'Graticule or kilometre-grid layer ("{{keyword}}", scale {{scale}})',
  },
  'finding.graticuleLines': {
    'zh-CN': '等间距经纬网/方里网线（比例尺 {{scale}}）',
    en: 'Regularly spaced graticule or kilometre-grid lines (scale {{scale}})',
  },
  'finding.graticuleLabels': {
    'zh-CN': '经纬网/方里网注记（比例尺 {{scale}}）',
    en: 'Graticule or kilometre-grid labels (scale {{scale}})',
  },
  'scale.unstated': { 'zh-CN': '未注明', en: 'not stated' },
  'finding.geodeticLayer': {
    'zh-CN': '大地控制/重力数据（“{{keyword}}”），整层不得公开',
    en: 'Geodetic control or gravity data ("{{keyword}}"): the layer cannot be published',
  },
  'finding.gravityField': {
    'zh-CN': '重力或高程异常值字段（“{{keyword}}”），整层不得公开',
    en: 'A gravity or height-anomaly value field ("{{keyword}}"): the layer cannot be published',
  },
  'finding.geodeticFeatures': {
    'zh-CN': '大地控制点/重力点要素（“{{keyword}}”）',
    en: 'Geodetic control or gravity point features ("{{keyword}}")',
  },
  'finding.statedPrecision': {
    'zh-CN': '文字中注明的精度约 {{precision}} 米，细于允许的 {{threshold}} 米',
    en: 'The text states a precision of about {{precision}} m, finer than the allowed {{threshold}} m',
  },
  'finding.statedScale': {
    'zh-CN': '文字中注明比例尺 1:{{scale}}，大于 1:{{limit}}',
    en: 'The text states a scale of 1:{{scale}}, larger than 1:{{limit}}',
  },
  'finding.contourIntervalSecret': {
    'zh-CN': '等高距 {{interval}} 米，不大于 {{threshold}} 米，属涉密内容；公开须不小于 {{public}} 米',
    en: 'Contour interval {{interval}} m is at most {{threshold}} m (secret); public maps need at least {{public}} m',
  },
  'finding.contourIntervalPublic': {
    'zh-CN': '等高距 {{interval}} 米，小于公开要求的 {{threshold}} 米',
    en: 'Contour interval {{interval}} m is below the {{threshold}} m a public map needs',
  },
  'finding.coverageArea': {
    'zh-CN':
      '比例尺约 1:{{scale}}，大于 1:{{limit}}，连续覆盖 {{area}} 平方千米，超过 {{threshold}} 平方千米',
    en: 'Scale about 1:{{scale}}, larger than 1:{{limit}}, covers {{area}} km² continuously, more than {{threshold}} km²',
  },
  'finding.restrictedZoneFeatures': {
    'zh-CN': '{{count}} 个要素位于第 {{zone}} 号限制区域内',
    en: '{{count}} features lie in restricted zone {{zone}}',
  },
  'finding.restrictedZoneRaster': {
    'zh-CN': '栅格覆盖第 {{zone}} 号限制区域',
    en: 'The raster covers restricted zone {{zone}}',
  },
  'finding.restrictedZoneNoCrs': {
    'zh-CN': '无坐标参考系，无法判断是否位于限制区域',
    en: 'No coordinate reference system: restricted zones cannot be checked',
  },
  'finding.markingLevel': {
    'zh-CN': '著录未给出有效密级（公开、内部、秘密、机密、绝密）',
    en: 'The record gives no valid secrecy level (unclassified, restricted, confidential, secret or top secret)',
  },
  'finding.markingPeriod': {
    'zh-CN': '密级为“{{level}}”，著录缺少有效的保密期限（如“10年”或“长期”）',
    en: 'The level is {{level}} but the record has no valid secrecy period (N years or long-term)',
  },
  'finding.markingAttribution': {
    'zh-CN': '著录缺少数据来源，任何使用都须注明来源',
    en: 'The record names no data source (attribution); every use must cite it',
  },
  'finding.markingNotPublic': {
    'zh-CN': '公开版的密级为“{{level}}”，应为“公开”',
    en: 'The public version is marked {{level}}; it must be unclassified (公开)',
  },
  'finding.markingLineage': {
    'zh-CN': '公开版没有指向其原始数据的数据志',
    en: 'The public version has no lineage back to its source',
  },
  'finding.markingSourceReview': {
    'zh-CN': '公开版的原始数据没有对应其内容的审查记录',
    en: 'The source of the public version has no review record of the bytes it was made from',
  },

  'where.dataset': { 'zh-CN': '整个数据集', en: 'whole dataset' },
  'where.field': { 'zh-CN': '字段 {{field}}', en: 'field {{field}}' },
  'where.band': { 'zh-CN': '第 {{band}} 波段', en: 'band {{band}}' },
  'where.features': {
    'zh-CN': '要素 {{list}}（共 {{count}} 个）',
    en: 'features {{list}} ({{count}} in all)',
  },
  'where.window': {
    'zh-CN': '像元窗口：第 {{column}} 列、第 {{row}} 行起 {{width}}×{{height}}',
    en: 'pixel window {{width}} × {{height}} from column {{column}}, row {{row}}',
  },
  'where.area': {
    'zh-CN': '范围 {{minX}}, {{minY}} 至 {{maxX}}, {{maxY}}',
    en: 'area {{minX}}, {{minY}} to {{maxX}}, {{maxY}}',
  },
  'where.part.metadata.title': { 'zh-CN': '著录标题', en: 'record title' },
  'where.part.metadata.abstract': { 'zh-CN': '著录摘要', en: 'record abstract' },
  'where.part.file-name': { 'zh-CN': '文件名 {{name}}', en: 'file name {{name}}' },
  'where.part.layer-name': { 'zh-CN': '图层名 {{name}}', en: 'layer name {{name}}' },
  'where.part.field-name': { 'zh-CN': '字段名 {{name}}', en: 'field name {{name}}' },
  'where.part.tiff.tag': { 'zh-CN': 'TIFF 标签 {{name}}', en: 'TIFF tag {{name}}' },
  'where.part.tiff.gdal-metadata': { 'zh-CN': 'GDAL 元数据 {{name}}', en: 'GDAL metadata {{name}}' },
  'where.part.tiff.xmp': { 'zh-CN': 'XMP 元数据', en: 'XMP metadata' },
  'where.part.unreferenced-bytes': {
    'zh-CN': '未被引用的字节（{{name}}）',
    en: 'unreferenced bytes ({{name}})',
  },
  'where.part.sidecar': { 'zh-CN': '附属文件 {{name}}', en: 'sidecar file {{name}}' },
  'where.part.dbf.deleted-record': { 'zh-CN': 'DBF 已删除记录 {{name}}', en: 'DBF deleted {{name}}' },
  'where.part.gpkg.metadata': { 'zh-CN': 'GeoPackage 元数据 {{name}}', en: 'GeoPackage metadata {{name}}' },
  'where.part.sqlite.free-space': {
    'zh-CN': '数据库空闲空间（{{name}}）',
    en: 'database free space ({{name}})',
  },
  'where.part.kml.dropped': { 'zh-CN': 'KML 未读取的内容 {{name}}', en: 'KML content not read: {{name}}' },
  'where.part.metadata.level': { 'zh-CN': '著录密级', en: 'record secrecy level' },
  'where.part.metadata.period': { 'zh-CN': '著录保密期限', en: 'record secrecy period' },
  'where.part.metadata.attribution': { 'zh-CN': '著录数据来源', en: 'record data source' },
  'where.part.lineage': { 'zh-CN': '数据志', en: 'lineage' },
  'where.part.source-review': { 'zh-CN': '原始数据的审查记录', en: 'review record of the source' },

  'job.phase.import': { 'zh-CN': '读取', en: 'Reading' },
  'job.phase.store': { 'zh-CN': '入库', en: 'Storing' },
  'job.phase.overviews': { 'zh-CN': '生成显示副本', en: 'Building the display copy' },
  'job.phase.resample': { 'zh-CN': '重采样', en: 'Resampling' },
  'job.phase.write': { 'zh-CN': '写出', en: 'Writing' },
  'job.phase.review': { 'zh-CN': '复审', en: 'Re-reviewing' },
  'job.phase.package': { 'zh-CN': '打包', en: 'Packaging' },
  'job.phase.receive': { 'zh-CN': '接收', en: 'Receiving' },
  'job.item': { 'zh-CN': '第 {{item}}/{{items}} 个文件', en: 'file {{item}} of {{items}}' },

  'lineage.drop-fields': {
    'zh-CN': '删除 {{count}} 个敏感属性字段',
    en: '{{count}} sensitive attribute fields dropped',
  },
  'lineage.degrade-coordinates': {
    'zh-CN': '坐标降精度至 {{grid}} {{unit}} 格网',
    en: 'Coordinates snapped to a {{grid}} {{unit}} grid',
  },
  'lineage.resample-block-average': {
    'zh-CN': '按块平均重采样至 {{resolution}} {{unit}}',
    en: 'Resampled by block average to {{resolution}} {{unit}}',
  },
  'lineage.expand-palette': {
    'zh-CN': '调色板影像按颜色表展开为 RGB {{bands}} 波段后再按块平均',
    en: 'Palette expanded to RGB ({{bands}} bands) via its colour table before averaging',
  },
  'lineage.remove-features': {
    'zh-CN': '删除 {{count}} 个涉密要素',
    en: '{{count}} restricted features removed',
  },
  'lineage.write-allow-list': {
    'zh-CN': '按允许清单重新写出（不含隐藏内容）',
    en: 'Written anew from the allow-list (no hidden content)',
  },

  'level.公开': { 'zh-CN': '公开', en: 'Unclassified (公开)' },
  'level.内部': { 'zh-CN': '内部', en: 'Restricted (内部)' },
  'level.秘密': { 'zh-CN': '秘密', en: 'Confidential (秘密)' },
  'level.机密': { 'zh-CN': '机密', en: 'Secret (机密)' },
  'level.绝密': { 'zh-CN': '绝密', en: 'Top secret (绝密)' },
  'period.years': { 'zh-CN': '{{years}}年', en: '{{years}} years' },
  'period.longTerm': { 'zh-CN': '长期', en: 'long-term' },
  'marking.secret': { 'zh-CN': '{{level}}★{{period}}', en: '{{level}} ★ {{period}}' },
  'publicVersion.abstract': {
    'zh-CN': '本数据为公开版：{{steps}}。',
    en: 'This is a public version: {{steps}}.',
  },
  'publicVersion.title': { 'zh-CN': '{{title}}（公开版）', en: '{{title}} (public version)' },
  'publicVersion.superseded': {
    'zh-CN': '已由新的公开版 {{id}} 取代',
    en: 'superseded by the new public version {{id}}',
  },

  'dialog.pickTitle': { 'zh-CN': '选择要导入的数据', en: 'Choose data to import' },
  'dialog.supportedFiles': {
    'zh-CN': '所有支持的数据',
    en: 'All supported data',
  },

  'decision.must-fix': { 'zh-CN': '须整改', en: 'must be fixed' },
  'decision.accept': { 'zh-CN': '接受', en: 'accepted' },
  'decision.false-positive': { 'zh-CN': '误报', en: 'false positive' },
  'verdict.approve': { 'zh-CN': '通过审查', en: 'approved' },
  'verdict.return': { 'zh-CN': '退回', en: 'returned' },
  'cli.verdict': {
    'zh-CN': '审查结论：{{verdict}}（{{by}}，{{at}}）',
    en: 'verdict: {{verdict}} (by {{by}} at {{at}})',
  },
  'cli.reviewPassed': { 'zh-CN': '审查通过（{{blocking}} 项阻断）', en: 'PASSED ({{blocking}} blocking)' },
  'cli.reviewBlocked': {
    'zh-CN': '审查未通过（{{blocking}} 项阻断）',
    en: 'BLOCKED ({{blocking}} blocking)',
  },
  'cli.saved': {
    'zh-CN': '{{id}} 第 {{version}} 版 {{marking}}',
    en: '{{id}} version {{version}} {{marking}}',
  },
  'cli.searchTotal': {
    'zh-CN': '共 {{total}} 条，第 {{page}} 页（每页 {{pageSize}} 条）',
    en: '{{total}} found, page {{page}} ({{pageSize}} a page)',
  },
  'cli.planRefused': {
    'zh-CN': '不能生成公开版：{{reason}}',
    en: 'no public version can be made: {{reason}}',
  },
  'cli.planFindings': { 'zh-CN': '处理审查发现 {{findings}}', en: 'answers findings {{findings}}' },
  'cli.released': { 'zh-CN': '公开版 {{id}}，源自 {{source}}', en: 'public version {{id}} of {{source}}' },
  'cli.standing': {
    'zh-CN': '{{id}} 状态：{{state}}；理由：{{reason}}',
    en: '{{id}} is now {{state}}: {{reason}}',
  },
  'cli.checkOk': { 'zh-CN': '通过', en: 'ok' },
  'cli.passwordPrompt': { 'zh-CN': '{{user}} 的密码：', en: 'Password for {{user}}: ' },
  'cli.newPasswordPrompt': { 'zh-CN': '{{user}} 的新密码：', en: 'New password for {{user}}: ' },
  'cli.newPasswordAgain': { 'zh-CN': '再次输入新密码：', en: 'New password again: ' },
  'cli.accountsEnabled': {
    'zh-CN': '已启用账户，管理员 {{name}}；此后请用 --user 登录',
    en: 'accounts enabled with administrator {{name}}; from now on log in with --user',
  },
  'cli.passwordChanged': { 'zh-CN': '{{user}} 的密码已更改', en: 'password of {{user}} changed' },
  'cli.account.altered': { 'zh-CN': '已被改动', en: 'ALTERED' },
  'cli.account.disabled': { 'zh-CN': '已停用', en: 'disabled' },
  'cli.account.locked': { 'zh-CN': '锁定至 {{until}}', en: 'locked until {{until}}' },
  'cli.checkFailed': { 'zh-CN': '未通过', en: 'FAIL' },
  'cli.auditIntact': {
    'zh-CN': '审计链完整：{{entries}} 条，链头 {{head}}',
    en: 'audit chain intact: {{entries}} entries, head {{head}}',
  },
  'cli.auditBroken': { 'zh-CN': '审计链自第 {{seq}} 条起损坏', en: 'audit chain BROKEN at entry {{seq}}' },
  'cli.auditProblem.chain': { 'zh-CN': '条目哈希或链接不符', en: 'an entry does not hash or link' },
  'cli.auditProblem.key': {
    'zh-CN': '条目缺少工作站密钥或密钥不符（改过并重算的链或伪造条目）',
    en: 'an entry lacks the workstation key or its key is wrong (an edited, re-chained or forged entry)',
  },
  'cli.auditProblem.anchor': {
    'zh-CN': '目录库中的链短于或不同于库外保存的链头（尾部被截断或整库回滚）',
    en: 'the chain ends before, or differs from, the head kept outside the catalogue (a truncated tail or a rolled-back catalogue)',
  },
  'cli.auditProblem.anchorMissing': {
    'zh-CN': '库外保存的链头缺失或其密钥不符',
    en: 'the head kept outside the catalogue is missing or its key is wrong',
  },
  'cli.auditProblem.version': {
    'zh-CN': '著录版本 {{version}} 缺失、被改或未入链',
    en: 'record version {{version}} is missing, edited or not chained',
  },
  'cli.backedUp': { 'zh-CN': '目录库已备份到 {{file}}', en: 'catalogue backed up to {{file}}' },
  'cli.restored': { 'zh-CN': '目录库已从 {{file}} 恢复', en: 'catalogue restored from {{file}}' },
  'cli.receipt': { 'zh-CN': '回执 {{receipt}}', en: 'receipt {{receipt}}' },
  'cli.keyPinned': { 'zh-CN': '已信任公钥 {{fingerprint}}', en: 'pinned key {{fingerprint}}' },
  'cli.keyPinnedAlready': {
    'zh-CN': '公钥 {{fingerprint}} 早已信任',
    en: 'key {{fingerprint}} was pinned already',
  },
  'verify.paths': { 'zh-CN': '路径', en: 'paths' },
  'verify.complete': { 'zh-CN': '完整性', en: 'complete' },
  'verify.checksums': { 'zh-CN': '校验和', en: 'checksums' },
  'verify.signature': { 'zh-CN': '签名', en: 'signature' },
  'verify.formats': { 'zh-CN': '格式', en: 'formats' },
  'verify.level': { 'zh-CN': '密级', en: 'level' },
  'verify.ingest': { 'zh-CN': '入库', en: 'ingest' },

  // Review rules (ADR 0172): each rule's name and the published rule its default settings follow.
  'rule.position-precision': { 'zh-CN': '位置精度', en: 'Position precision' },
  'basis.position-precision': {
    'zh-CN': '《公开地图内容表示规范》（自然资规〔2023〕2号）：公开地图的位置精度不高于 50 米',
    en: 'Public Map Content Specification (MNR 2023 No. 2): public maps are no more precise than 50 m',
  },
  'rule.raster-resolution': { 'zh-CN': '栅格分辨率', en: 'Raster resolution' },
  'basis.raster-resolution': {
    'zh-CN':
      '《公开地图内容表示规范》（自然资规〔2023〕2号）：公开的数字高程模型格网不小于 100 米，影像地面分辨率不优于 0.5 米',
    en: 'Public Map Content Specification (MNR 2023 No. 2): public DEM grids of 100 m or coarser, imagery no finer than 0.5 m',
  },
  'rule.contour-interval': { 'zh-CN': '等高距', en: 'Contour interval' },
  'basis.contour-interval': {
    'zh-CN':
      '《测绘地理信息管理工作国家秘密范围的规定》（自然资发〔2020〕95号）：等高距 20 米及以下的等高线属秘密；公开等高距不小于 50 米',
    en: 'Scope of State Secrets in Surveying and Geographic Information (MNR 2020 No. 95): contours at 20 m or less are Confidential; public contours at 50 m or more',
  },
  'rule.coverage-area': { 'zh-CN': '大比例尺连续覆盖', en: 'Large-scale coverage' },
  'basis.coverage-area': {
    'zh-CN':
      '《测绘地理信息管理工作国家秘密范围的规定》（自然资发〔2020〕95号）：比例尺大于 1:5000、连续覆盖超过 25 平方千米的属秘密',
    en: 'Scope of State Secrets in Surveying and Geographic Information (MNR 2020 No. 95): larger than 1:5000 over more than 25 km² continuously is Confidential',
  },
  'rule.restricted-zone': { 'zh-CN': '敏感区域', en: 'Restricted zones' },
  'basis.restricted-zone': {
    'zh-CN': '本单位保密管理部门划定的敏感区域（本地保密文件载入，不随软件分发）',
    en: 'Sensitive areas set by the agency’s secrecy office (loaded from a local secured file, never shipped)',
  },
  'rule.forbidden-content': { 'zh-CN': '不得公开的内容', en: 'Forbidden content' },
  'basis.forbidden-content': {
    'zh-CN':
      '《公开地图内容表示规范》（自然资规〔2023〕2号）：军事设施、未公开的机场港口、精确水深、水库库容、输电线电压、桥梁结构等不得表示',
    en: 'Public Map Content Specification (MNR 2023 No. 2): military facilities, undisclosed airports and ports, precise depths, reservoir capacity, line voltage, bridge structure and the like are not shown',
  },
  'rule.sensitive-field': { 'zh-CN': '敏感属性字段', en: 'Sensitive attribute fields' },
  'basis.sensitive-field': {
    'zh-CN':
      '《涉密地质资料管理细则》（国土资发〔2008〕69号）：资源储量、品位、精确坐标等涉密内容不随公开资料提供',
    en: 'Rules on Classified Geological Data (MLR 2008 No. 69): reserves, grades, precise coordinates and like classified content are not released',
  },
  'rule.graticule': { 'zh-CN': '经纬网与公里网', en: 'Graticule and kilometre grid' },
  'basis.graticule': {
    'zh-CN':
      '《加强地质资料社会化服务的若干规定》（国土资发〔2005〕215号）：1:50 万及更大比例尺的非涉密地质图去除经纬网和公里网',
    en: 'Provisions on the Public Service of Geological Data (MLR 2005 No. 215): non-classified geological maps at 1:500,000 or larger have graticule and kilometre grid removed',
  },
  'rule.geodetic-gravity': { 'zh-CN': '大地控制与重力', en: 'Geodetic control and gravity' },
  'basis.geodetic-gravity': {
    'zh-CN':
      '《测绘地理信息管理工作国家秘密范围的规定》（自然资发〔2020〕95号）：大地控制点成果、重力点与重力异常、高程异常属国家秘密',
    en: 'Scope of State Secrets in Surveying and Geographic Information (MNR 2020 No. 95): geodetic control results, gravity points and anomalies, height anomalies are state secrets',
  },
  'rule.marking': { 'zh-CN': '标志与来源', en: 'Marking and provenance' },
  'basis.marking': {
    'zh-CN':
      '《中华人民共和国保守国家秘密法》：国家秘密载体应当作出国家秘密标志；《涉密地质资料管理细则》（国土资发〔2008〕69号）：公开资料注明来源并经审查',
    en: 'Law on Guarding State Secrets: a classified carrier bears its secrecy marking; Rules on Classified Geological Data (MLR 2008 No. 69): released data names its source and has been reviewed',
  },
  'rule.hidden-content': { 'zh-CN': '隐含内容', en: 'Hidden content' },
  'basis.hidden-content': {
    'zh-CN':
      '《中华人民共和国保守国家秘密法》：公开载体不得夹带涉密信息（元数据标签、附属文件、已删除记录、空闲页等）',
    en: 'Law on Guarding State Secrets: a public carrier must not carry classified content along (metadata tags, sidecars, deleted records, free pages …)',
  },

  'profile.cn-default': {
    'zh-CN': '默认审查规则（依据《公开地图内容表示规范》自然资规〔2023〕2号、自然资发〔2020〕95号）',
    en: 'Default review profile (after the Public Map Content Specification, MNR 2023 No. 2, and MNR 2020 No. 95)',
  },

  // Coordinate systems (issue 6): CRS assignment, zone-prefixed eastings, datum-shift files.
  'detail.crsUnknownCode': {
    'zh-CN': '坐标系代码 {{code}} 不在内置的 EPSG 库中',
    en: 'the CRS code {{code}} is not in the bundled EPSG registry',
  },
  'detail.crsAlreadySet': {
    'zh-CN': '该数据已有坐标系 {{code}}；如确需更改，请明确选择“替换”',
    en: 'the dataset already has the CRS {{code}}; to change it, ask for a replacement explicitly',
  },
  'detail.crsNotDraft': {
    'zh-CN': '只能为未审查的原始数据（草稿）指定坐标系',
    en: 'a CRS can only be assigned to an original dataset that is still a draft (not reviewed)',
  },
  'notice.crs.zonePrefixed': {
    'zh-CN':
      '{{file}}：横坐标带有带号 {{zone}}（{{width}}° 带），已按 {{code}} 读取，而非文件所写的 {{stated}}',
    en: '{{file}}: the eastings carry the zone number {{zone}} ({{width}}° zones); read as {{code}}, not the {{stated}} the file names',
  },
  'notice.crs.zonePrefixedNoCrs': {
    'zh-CN':
      '{{file}}：没有坐标系，横坐标带有带号 {{zone}}（{{width}}° 带）；请指定坐标系，例如 {{candidates}}',
    en: '{{file}}: no CRS, and the eastings carry the zone number {{zone}} ({{width}}° zones); assign a CRS, e.g. {{candidates}}',
  },
  'notice.crs.missing': {
    'zh-CN': '{{file}}：没有坐标系；请在数据详情中“指定坐标系”',
    en: '{{file}}: no coordinate reference system; use “Assign CRS” in the dataset details',
  },
  'problem.zoneFileEmpty': {
    'zh-CN': '限制区域文件中没有多边形',
    en: 'the restricted-zone file holds no polygons',
  },
  'problem.zoneFileCrs': {
    'zh-CN': '限制区域文件的坐标系为 {{crs}}，与审查规则注明的 {{stated}} 不符',
    en: 'the restricted-zone file is in {{crs}}, not the {{stated}} the profile states',
  },
  'problem.datumShiftSize': {
    'zh-CN': '大于 {{bytes}} 字节，不是基准转换参数文件',
    en: 'larger than {{bytes}} bytes: not a datum-shift file',
  },
  'problem.datumShiftFormat': {
    'zh-CN': '不是基准转换参数文件（格式标识或参数组列表不符）',
    en: 'not a datum-shift file (expected JSON with format strata-datum-shifts/1 and a shifts list)',
  },
  'problem.datumShiftEntry': {
    'zh-CN': '第 {{entry}} 组参数不完整或超出范围（需起止坐标系、七参数转换方法及全部七个参数）',
    en: 'shift {{entry}} is incomplete or out of range (needs from, to, method helmert-7 and tx, ty, tz, rx, ry, rz, ds)',
  },
  'problem.datumShiftEnds': {
    'zh-CN': '第 {{entry}} 组的起止坐标系须为两个不同基准的地理坐标系代码',
    en: 'shift {{entry}}: from and to must be EPSG codes of geographic CRSs on two different datums',
  },

  // Basemaps (issue 6, ADR 0106): local tile sets and configured intranet tile services.
  'problem.tileSetNoTiles': {
    'zh-CN': '不是瓦片集：缺少瓦片表 {{table}}',
    en: 'not a tile set: the tile table {{table}} is missing',
  },
  'problem.tileSetEmpty': { 'zh-CN': '瓦片集中没有瓦片', en: 'the tile set holds no tiles' },
  'problem.tileSetZoom': {
    'zh-CN': '缩放级别 {{zoom}} 无效（应为 0 至 {{max}}）',
    en: 'zoom level {{zoom}} is not valid (0 to {{max}})',
  },
  'problem.tileSetBounds': {
    'zh-CN': '元数据中的范围不是有效的“西,南,东,北”经纬度',
    en: 'the metadata bounds are not a valid "west,south,east,north" in degrees',
  },
  'problem.tileSetNoMatrix': {
    'zh-CN': '瓦片表 {{table}} 缺少瓦片矩阵集或瓦片矩阵',
    en: 'the tile table {{table}} has no tile matrix set or tile matrices',
  },
  'problem.tileSetMatrix': {
    'zh-CN': '第 {{zoom}} 级瓦片矩阵的尺寸或像元大小无效',
    en: 'the tile matrix of zoom level {{zoom}} has an invalid size or pixel size',
  },
  'problem.tileSetPixelNotSquare': {
    'zh-CN': '第 {{zoom}} 级瓦片的像元不是正方形，无法作为底图显示',
    en: 'the pixels of zoom level {{zoom}} are not square, so it cannot be shown as a basemap',
  },
  'problem.tileSetTileSizes': {
    'zh-CN': '第 {{zoom}} 级的瓦片尺寸与其他级别不同',
    en: 'the tiles of zoom level {{zoom}} differ in size from the other levels',
  },
  'problem.tileSetCrs': {
    'zh-CN': '瓦片表 {{table}} 没有可识别的坐标参考系',
    en: 'the tile table {{table}} has no known coordinate reference system',
  },
  'problem.tileTooLarge': {
    'zh-CN': '瓦片 {{zoom}}/{{column}}/{{row}} 超过 {{maxMb}} MB 上限',
    en: 'the tile {{zoom}}/{{column}}/{{row}} is over the {{maxMb}} MB limit',
  },
  'problem.tileImageType': {
    'zh-CN': '瓦片不是 PNG、JPEG 或 WebP 图像（{{type}}）',
    en: 'the tiles are not PNG, JPEG or WebP images ({{type}})',
  },
  'detail.basemapUrlScheme': {
    'zh-CN': '底图 {{id}} 的地址须以 http:// 或 https:// 开头',
    en: 'the URL of basemap {{id}} must start with http:// or https://',
  },
  'detail.basemapUrlCredentials': {
    'zh-CN': '底图 {{id}} 的地址不得包含用户名或密码',
    en: 'the URL of basemap {{id}} must not hold a user name or password',
  },
  'detail.basemapUrlHost': {
    'zh-CN': '底图 {{id}} 的地址中主机名或端口无效（主机名中不能有占位符）',
    en: 'the URL of basemap {{id}} has an invalid host or port (no placeholders in the host)',
  },
  'detail.basemapUrlChars': {
    'zh-CN': '底图 {{id}} 的地址含有空格或非 ASCII 字符，请先进行百分号编码',
    en: 'the URL of basemap {{id}} holds spaces or non-ASCII characters: percent-encode them',
  },
  'detail.basemapDuplicateId': {
    'zh-CN': '底图标识 {{id}} 重复',
    en: 'the basemap id {{id}} is used twice',
  },
  'detail.basemapXyzPlaceholders': {
    'zh-CN': '底图 {{id}} 的 XYZ 地址须包含 z、x 和 y（或 -y）三个占位符',
    en: 'the XYZ URL of basemap {{id}} must hold the z, x and y (or -y) placeholders',
  },
  'detail.basemapWmtsPlaceholders': {
    'zh-CN': '底图 {{id}} 的 WMTS REST 地址须包含 TileMatrix、TileRow 和 TileCol 三个占位符',
    en: 'the WMTS REST URL of basemap {{id}} must hold the TileMatrix, TileRow and TileCol placeholders',
  },
  'detail.basemapZoomRange': {
    'zh-CN': '底图 {{id}} 的缩放级别范围无效（最小级别不大于最大级别，且不超过 30）',
    en: 'the zoom range of basemap {{id}} is not valid (minimum up to maximum, at most 30)',
  },
  'detail.basemapsFile': {
    'zh-CN': '{{file}} 不是底图配置文件（应为 JSON 数组，或含 basemaps 数组的对象）',
    en: '{{file}} is not a basemap configuration file (a JSON array, or an object with a basemaps array)',
  },
  'detail.basemapPathNotAbsolute': {
    'zh-CN': '底图 {{id}} 的文件路径须为绝对路径',
    en: 'the file path of basemap {{id}} must be absolute',
  },
  'detail.keyNotEd25519Pem': {
    'zh-CN': '所给文件不是 PEM 格式的 Ed25519 公钥',
    en: 'the file given is not an Ed25519 public key in PEM form',
  },
} as const satisfies Readonly<Record<string, Entry>>;

type Catalogue = typeof MESSAGES;

/** Every message key: a typo in a key is a compile error. */
export type MessageKey = keyof Catalogue;

type PlaceholdersIn<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

/** The placeholder names of a key, from both languages' templates. */
export type PlaceholderOf<K extends MessageKey> =
  PlaceholdersIn<Catalogue[K]['zh-CN']> | PlaceholdersIn<Catalogue[K]['en']>;

export type MessageParams = Readonly<Record<string, string | number>>;

/** Keys a `problem` / `reason` param must name (rendered in place, see resolveParams). */
export type ProblemKey = Extract<MessageKey, `problem.${string}`>;
export type ReasonKey = Extract<MessageKey, `reason.${string}`>;

type ParamValue<P> = P extends 'problem' ? ProblemKey : P extends 'reason' ? ReasonKey : string | number;

/** The params a key needs: one per placeholder (more are allowed, e.g. a nested problem's). */
export type ParamsOf<K extends MessageKey> = K extends MessageKey
  ? { readonly [P in PlaceholderOf<K>]: ParamValue<P> } & MessageParams
  : never;

/** A message as services and core hand it to a host: a key and its params, never text. */
export interface Message<K extends MessageKey = MessageKey> {
  readonly key: K;
  readonly params: MessageParams;
}

export const isMessageKey = (value: string): value is MessageKey => Object.hasOwn(MESSAGES, value);

// Keys core modules produce without importing this table: if core adds one, this fails to compile.
type Uncovered = Exclude<
  | `problem.${FormatProblem}`
  | BagProblemKey
  | FindingMessageKey
  | `where.part.${FindingPart}`
  | WorkflowMessageKey
  | LayoutProblemKey
  | StandingMessageKey
  | `standing.action.${StandingAction}`,
  MessageKey
>;
type NoneLeft<T extends never> = T;
/** Compiles only while every core key has an entry above. */
export type CoreKeysCovered = NoneLeft<Uncovered>;

/** Fills `{{name}}` placeholders; a missing param stays visible as `{{name}}`. */
export function fill(template: string, params: MessageParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Resolves nested keys: a string param whose value is a key becomes that message's text
 * (rendered with the other params, so it cannot recurse into itself).
 */
export function resolveParams(
  params: MessageParams,
  render: (key: MessageKey, params: MessageParams) => string,
): Record<string, string | number> {
  const resolved: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && isMessageKey(value)) {
      const rest = Object.fromEntries(Object.entries(params).filter(([other]) => other !== name));
      resolved[name] = render(value, rest);
    } else resolved[name] = value;
  }
  return resolved;
}

/** Renders a message in `lang` (the CLI's renderer; the UI renders the same table through i18next). */
export function renderMessage(key: MessageKey, params: MessageParams, lang: Lang): string {
  // Keys come typed, but stored rows (reviews, lineage) may predate a key: show it, never throw.
  const entry = (MESSAGES as Readonly<Record<string, Entry | undefined>>)[key];
  if (entry === undefined) return key;
  const resolved = resolveParams(params, (inner, rest) => renderMessage(inner, rest, lang));
  return fill(entry[lang], resolved);
}

/** One language's templates, keyed as in MESSAGES, for i18next resources. */
export function messageTemplates(lang: Lang): Readonly<Record<MessageKey, string>> {
  return Object.fromEntries(Object.entries(MESSAGES).map(([key, entry]) => [key, entry[lang]])) as Record<
    MessageKey,
    string
  >;
}
