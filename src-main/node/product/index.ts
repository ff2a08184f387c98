export { productFonts, type ProductFonts } from './fonts.js';
export { createPdfWriter } from './pdf-writer.js';
