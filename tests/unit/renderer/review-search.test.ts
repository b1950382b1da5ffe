import { describe, expect, it } from 'vitest';
import { searchAllDocuments } from '../../../src/renderer/src/review/searchAll';

describe('search across the documents of a case', () => {
  const texts = new Map([
    ['contract', ['Name: Ayşe Yılmaz', 'Gross monthly salary: € 6.000,00 and salary review']],
    ['payslips', ['Bruto SALARY april', '', 'salary']],
  ]);

  it('finds every hit in document order, page and position, case-insensitively, with a snippet', () => {
    const hits = searchAllDocuments(['payslips', 'contract'], texts, '  Salary ');
    expect(hits.map((hit) => `${hit.documentId}:${hit.page}`)).toEqual(['payslips:1', 'payslips:3', 'contract:2', 'contract:2']);
    expect(hits[2]?.snippet).toEqual(['Gross monthly ', 'salary', ': € 6.000,00 and salary review']);
  });

  it('needs at least two characters and skips documents not read yet', () => {
    expect(searchAllDocuments(['contract'], texts, 'a')).toEqual([]);
    expect(searchAllDocuments(['unknown'], texts, 'salary')).toEqual([]);
  });
});
