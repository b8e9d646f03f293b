import { escapeTemplate, Expr, hclValue, jsonencoded } from '../../lib/construct/hcl';

describe('hcl', () => {
  test.each([
    ['${file("/etc/hostname")}', '$${file("/etc/hostname")}'],
    ['%{ if true }x%{ endif }', '%%{ if true }x%%{ endif }'],
    ['$${already}', '$$${already}'],
    ['plain $HOME and % and {}', 'plain $HOME and % and {}'],
  ])('escapeTemplate(%j) makes Terraform read it literally: %j', (text, escaped) => {
    expect(escapeTemplate(text)).toBe(escaped);
  });

  test('a constant key or value with a template sequence is written escaped', () => {
    expect(hclValue({ 'a${b}': 'c${d}' })).toBe('{"a$${b}" = "c$${d}"}');
  });

  test('expressions are written as they are, constants as literals', () => {
    expect(jsonencoded({ RequestType: 'Create', ImageId: new Expr('self.triggers_replace.image_id') })).toBe(
      '${jsonencode({"RequestType" = "Create", "ImageId" = self.triggers_replace.image_id})}',
    );
  });
});
