import { parseEndpoint } from '../../../lib/handler/ecs/endpoint';

describe('parseEndpoint', () => {
  test.each([
    ['http://127.0.0.1:8765', { endpoint: '127.0.0.1:8765', protocol: 'HTTP' }],
    ['HTTP://localhost:9000/', { endpoint: 'localhost:9000', protocol: 'HTTP' }],
    ['https://ecs.cn-hangzhou.aliyuncs.com', { endpoint: 'ecs.cn-hangzhou.aliyuncs.com', protocol: 'HTTPS' }],
    ['ecs-cn-hangzhou.aliyuncs.com', { endpoint: 'ecs-cn-hangzhou.aliyuncs.com', protocol: 'HTTPS' }],
  ])('%s', (value, expected) => {
    expect(parseEndpoint(value)).toEqual(expected);
  });

  test.each(['ftp://127.0.0.1', 'http://127.0.0.1:8765/api', 'http://'])('refuses %s naming the variable', (value) => {
    expect(() => parseEndpoint(value)).toThrow(/^ALIBABA_CLOUD_ECS_ENDPOINT .* is not valid/);
  });
});
