import { isValidPhone, maskIdNumber, maskPhone } from './masking';

describe('personal data masking', () => {
  it('keeps the address code and the last four characters of an ID number', () => {
    expect(maskIdNumber('43313019850612109X')).toBe('433130********109X');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0743-1234567')).toBe('074*****4567');
  });

  it('masks short values completely', () => {
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('validates phone numbers', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('0743-6221234')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('1381234567')).toBe(false);
  });
});
