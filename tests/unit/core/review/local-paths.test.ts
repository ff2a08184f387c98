import { describe, expect, it } from 'vitest';
import { namesLocalPlace } from '../../../../src-main/core/review/local-paths.js';

describe('namesLocalPlace', () => {
  it.each([
    'C:\\Users\\zhang\\dem.tif',
    '来源 D:/项目/成果',
    '\\\\fileserver\\survey\\dem',
    'file:///srv/data/x.tif',
    '/home/zhang/data',
    'path=/Users/li/Desktop',
    'ws-zhang.survey.local',
    'gis01.corp',
    '192.168.1.20',
    '10.0.3.7',
  ])('flags %s', (text) => {
    expect(namesLocalPlace(text)).toBe(true);
  });

  it.each([
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    'adobe:ns:meta/',
    '高程 精确到厘米',
    'ratio 1:50000',
    'EPSG:4547',
    '2024:01:01 00:00:00',
    'a/home/b',
    '8.8.8.8',
  ])('leaves %s', (text) => {
    expect(namesLocalPlace(text)).toBe(false);
  });
});
