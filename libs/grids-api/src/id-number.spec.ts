import { composeIdNumber, idNumberCheckDigit, isValidIdNumber, validateIdNumber } from './id-number';

const TODAY = new Date('2025-06-01T00:00:00Z');

describe('GB 11643 resident ID numbers', () => {
  it('accepts the standard example, whose check character is X', () => {
    const check = validateIdNumber('11010519491231002X', TODAY);
    expect(check).toEqual({ valid: true, idNumber: '11010519491231002X', addressCode: '110105', birthDate: '1949-12-31', gender: 'FEMALE' });
  });

  it('accepts a lower-case x and normalises it', () => {
    const check = validateIdNumber(' 43313019850612109x ', TODAY);
    expect(check.valid && check.idNumber).toBe('43313019850612109X');
  });

  it('reads the gender from the parity of the sequence code', () => {
    const male = composeIdNumber('433130', '1990-02-28', 123);
    const check = validateIdNumber(male, TODAY);
    expect(check.valid && check.gender).toBe('MALE');
    expect(check.valid && check.birthDate).toBe('1990-02-28');
  });

  it('refuses a wrong check digit', () => {
    const good = composeIdNumber('321311', '1972-07-15', 45);
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expect(validateIdNumber(wrong, TODAY)).toMatchObject({ valid: false, rule: 'ID_CHECK_DIGIT' });
  });

  it('refuses impossible birth dates and birth dates in the future', () => {
    const body = (date: string) => `433130${date}011`;
    const feb30 = body('19900230');
    expect(validateIdNumber(`${feb30}${idNumberCheckDigit(feb30)}`, TODAY)).toMatchObject({ valid: false, rule: 'ID_BIRTH_DATE' });
    const month13 = body('19901301');
    expect(validateIdNumber(`${month13}${idNumberCheckDigit(month13)}`, TODAY)).toMatchObject({ valid: false, rule: 'ID_BIRTH_DATE' });
    const future = body('20250602');
    expect(validateIdNumber(`${future}${idNumberCheckDigit(future)}`, TODAY)).toMatchObject({ valid: false, rule: 'ID_BIRTH_DATE' });
    const leap = body('20000229');
    expect(isValidIdNumber(`${leap}${idNumberCheckDigit(leap)}`, TODAY)).toBe(true);
    const notLeap = body('19000229');
    expect(isValidIdNumber(`${notLeap}${idNumberCheckDigit(notLeap)}`, TODAY)).toBe(false);
  });

  it('refuses wrong lengths and non-digits', () => {
    expect(validateIdNumber('11010519491231002', TODAY)).toMatchObject({ valid: false, rule: 'ID_LENGTH' });
    expect(validateIdNumber('11010519491231002X1', TODAY)).toMatchObject({ valid: false, rule: 'ID_LENGTH' });
    expect(validateIdNumber('110105194912310', TODAY)).toMatchObject({ valid: false, rule: 'ID_LENGTH' });
    expect(validateIdNumber('11010519491231A02X', TODAY)).toMatchObject({ valid: false, rule: 'ID_FORMAT' });
    expect(validateIdNumber('X10105194912310021', TODAY)).toMatchObject({ valid: false, rule: 'ID_FORMAT' });
  });

  it('refuses an address code starting with 0', () => {
    const body = '01010519491231002';
    expect(validateIdNumber(`${body}${idNumberCheckDigit(body)}`, TODAY)).toMatchObject({ valid: false, rule: 'ID_ADDRESS_CODE' });
  });

  it('gives bilingual reasons', () => {
    const check = validateIdNumber('123', TODAY);
    expect(check.valid).toBe(false);
    if (!check.valid) {
      expect(check.zh).toContain('18位');
      expect(check.en).toContain('18 characters');
    }
  });
});
