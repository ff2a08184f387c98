import type { ErrorCode, ErrorParams } from './errors.js';

export type Lang = 'zh-CN' | 'en';

type Templates = Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>>;

/**
 * Messages produced in the main process (errors, review findings, lineage). The renderer's own UI
 * strings live in src-renderer/i18n; these are shared so CLI and UI say the same thing.
 */
export const MESSAGES: Templates = {
  'error.INVALID_ARGUMENT': { 'zh-CN': '参数无效：{detail}', en: 'Invalid argument: {detail}' },
  'error.NOT_FOUND': { 'zh-CN': '未找到：{what}', en: 'Not found: {what}' },
  'error.FILE_NOT_FOUND': {
    'zh-CN': '文件不存在或无法读取：{file}',
    en: 'File not found or unreadable: {file}',
  },
  'error.UNSUPPORTED_FORMAT': {
    'zh-CN': '不支持的文件格式或编码：{file}（{problem}）',
    en: 'Unsupported file format or encoding: {file} ({problem})',
  },
  'problem.unknownFormat': {
    'zh-CN': '目前支持 GeoTIFF、GeoJSON、Shapefile',
    en: 'GeoTIFF, GeoJSON and Shapefile are supported',
  },
  'problem.shapefileNoDbf': {
    'zh-CN': '缺少属性表 .dbf，图形将没有属性：请补齐 .dbf 后重新导入',
    en: 'the .dbf attribute table is missing, so the shapes would have no attributes: add the .dbf and import again',
  },
  'notice.shapefile.shxMissing': {
    'zh-CN':
      '{file}：缺少索引文件 .shx，已按 .shp 中自带长度的记录重建索引后读取；入库文件按原样保存，不含 .shx',
    en: '{file}: the .shx index is missing; it was rebuilt from the self-delimiting records of the .shp to read the set. The files are stored as deposited, without a .shx',
  },
  'notice.shapefile.shxInconsistent': {
    'zh-CN': '{file}：索引文件 .shx 与 .shp 不符，已弃用并按 .shp 中的记录重建索引后读取；.shx 按原样保存',
    en: '{file}: the .shx index does not match the .shp; it was set aside and the index rebuilt from the records of the .shp. The .shx is stored as deposited',
  },
  'error.CORRUPT_FILE': {
    'zh-CN': '文件已损坏或无法解析：{file}（{problem}）',
    en: 'Corrupt or unreadable file: {file} ({problem})',
  },
  'error.TOO_LARGE': {
    'zh-CN': '文件超出处理上限：{file}（{problem}）',
    en: 'File exceeds the processing limit: {file} ({problem})',
  },
  'problem.geojsonMemory': {
    'zh-CN': '解析 GeoJSON 所需内存超过 {limitMb} MB 上限',
    en: 'parsing the GeoJSON would need more than the {limitMb} MB memory limit',
  },
  'problem.geojsonDepth': {
    'zh-CN': 'JSON 嵌套超过 {max} 层',
    en: 'JSON nested deeper than {max} levels',
  },
  'problem.parseMemory': {
    'zh-CN': '解析所需内存超过 {limitMb} MB 上限，已中止',
    en: 'parsing needed more than the {limitMb} MB memory limit and was stopped',
  },
  'error.PARSE_TIMEOUT': {
    'zh-CN': '解析文件超时：{file}（超过 {seconds} 秒上限，已中止）',
    en: 'Parsing took too long: {file} (stopped at the {seconds} s limit)',
  },
  'error.CRS_UNKNOWN': {
    'zh-CN': '无法识别坐标参考系：{file}',
    en: 'Unknown coordinate reference system: {file}',
  },
  'error.CONFLICT': {
    'zh-CN': '记录已被他人修改（当前版本 {current}），请刷新后重试',
    en: 'The record was changed meanwhile (now version {current}); reload and try again',
  },
  'error.EXPORT_REFUSED': { 'zh-CN': '拒绝导出：{reason}', en: 'Export refused: {reason}' },
  'error.RELEASE_REFUSED': {
    'zh-CN': '无法生成公开版：{reason}',
    en: 'Cannot produce a public version: {reason}',
  },
  'error.VERIFY_FAILED': { 'zh-CN': '数据包校验失败：{reason}', en: 'Package verification failed: {reason}' },
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
  'error.INTERNAL': { 'zh-CN': '内部错误（{ref}）', en: 'Internal error ({ref})' },

  'reason.levelAbovePublic': {
    'zh-CN': '密级为“{level}”，只有“公开”级数据可以导出',
    en: 'the level is "{level}"; only 公开 (public) data may be exported',
  },
  'reason.notPublicVersion': {
    'zh-CN': '只能导出公开版；请先生成公开版',
    en: 'only a public version can be exported; produce one first',
  },
  'reason.notReviewed': {
    'zh-CN': '尚未对当前内容进行保密审查',
    en: 'the current content has not been reviewed',
  },
  'reason.blockingFindings': {
    'zh-CN': '保密审查仍有 {count} 项阻断性问题',
    en: 'the secrecy review still has {count} blocking finding(s)',
  },
  'reason.alreadyPublic': { 'zh-CN': '该数据已是公开版', en: 'this dataset already is a public version' },
  'reason.publicReviewFailed': {
    'zh-CN': '公开版复核仍有 {count} 项阻断性问题，未保存',
    en: 'the re-review of the written public version still has {count} blocking finding(s); nothing was kept',
  },
  'reason.notGeoreferenced': {
    'zh-CN': '数据只有控制点（GCP），没有格网地理定位；请先校正',
    en: 'the data has ground control points only, no grid georeferencing; rectify it first',
  },
  'reason.noCrs': {
    'zh-CN': '数据没有可识别的坐标参考系',
    en: 'the dataset has no known coordinate reference system',
  },
  'reason.rasterTooLarge': {
    'zh-CN':
      '原始栅格为 {width} × {height} 像元，超过生成公开版的处理上限（{limit} 像元）；请先分幅再分别生成',
    en: 'the original raster is {width} × {height} pixels, above the {limit}-pixel limit for producing a public version; split it into tiles first',
  },
  'reason.bagExists': {
    'zh-CN': '目标位置已存在同名数据包或文件：{file}',
    en: 'a package or file named {file} already exists at the destination',
  },

  'finding.positionPrecision': {
    'zh-CN': '坐标精度约 {precision} 米，细于允许的 {threshold} 米',
    en: 'Coordinates are precise to about {precision} m, finer than the allowed {threshold} m',
  },
  'finding.rasterResolution': {
    'zh-CN': '{what}分辨率 {resolution} 米，细于允许的 {threshold} 米',
    en: '{what} resolution {resolution} m is finer than the allowed {threshold} m',
  },
  'finding.noCrs': {
    'zh-CN': '无坐标参考系，无法判断精度',
    en: 'No coordinate reference system: precision cannot be judged',
  },
  'finding.unknownRule': {
    'zh-CN': '规则配置引用了未知检查项 {rule}，审查不完整',
    en: 'The profile names an unknown check {rule}; the review is incomplete',
  },
  'verify.unlistedDirectory': {
    'zh-CN': '{path}：目录中没有 manifest-sha256.txt 或 tagmanifest-sha256.txt 所列的文件',
    en: '{path}: directory holds no file listed in manifest-sha256.txt or tagmanifest-sha256.txt',
  },
  'verify.symlink': { 'zh-CN': '{path}：符号链接', en: '{path}: symbolic link' },
  'verify.specialFile': {
    'zh-CN': '{path}：不是普通文件或目录',
    en: '{path}: not a regular file or directory',
  },
  'verify.skipped': { 'zh-CN': '未检查：前面的步骤已失败', en: 'skipped: earlier step failed' },
  'what.dem': { 'zh-CN': 'DEM 格网', en: 'DEM grid' },
  'what.imagery': { 'zh-CN': '影像地面', en: 'Imagery ground' },

  'job.phase.import': { 'zh-CN': '读取', en: 'Reading' },
  'job.phase.store': { 'zh-CN': '入库', en: 'Storing' },
  'job.phase.resample': { 'zh-CN': '重采样', en: 'Resampling' },
  'job.phase.write': { 'zh-CN': '写出', en: 'Writing' },
  'job.phase.review': { 'zh-CN': '复审', en: 'Re-reviewing' },
  'job.phase.package': { 'zh-CN': '打包', en: 'Packaging' },
  'job.item': { 'zh-CN': '第 {item}/{items} 个文件', en: 'file {item} of {items}' },

  'lineage.degrade-coordinates': {
    'zh-CN': '坐标降精度至 {grid} {unit} 格网',
    en: 'Coordinates snapped to a {grid} {unit} grid',
  },
  'lineage.resample-block-average': {
    'zh-CN': '按块平均重采样至 {resolution} {unit}',
    en: 'Resampled by block average to {resolution} {unit}',
  },
  'lineage.expand-palette': {
    'zh-CN': '调色板影像按颜色表展开为 RGB {bands} 波段后再按块平均',
    en: 'Palette expanded to RGB ({bands} bands) via its colour table before averaging',
  },
  'lineage.write-allow-list': {
    'zh-CN': '按允许清单重新写出（不含隐藏内容）',
    en: 'Written anew from the allow-list (no hidden content)',
  },
};

export function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}

/** Translate a message key; unknown keys come back as the key itself (visible, never silent). */
export function translate(key: string, params: ErrorParams, lang: Lang): string {
  const entry = MESSAGES[key];
  if (!entry) return key;
  const resolved: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    // The nested message sees the other params but not its own key, so it cannot recurse forever.
    const rest = Object.fromEntries(Object.entries(params).filter(([other]) => other !== name));
    const nested = typeof value === 'string' && MESSAGES[value] ? translate(value, rest, lang) : value;
    resolved[name] = nested;
  }
  return fill(entry[lang], resolved);
}

export const errorMessage = (code: ErrorCode, params: ErrorParams, lang: Lang): string =>
  translate(`error.${code}`, params, lang);
