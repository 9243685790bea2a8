import { describe, expect, it } from 'vitest';
import { Unknown } from '../iac/value.js';
import { TemplateError } from './evaluate.js';
import { parseTemplate, TemplateSyntaxError } from './parse.js';
import { TemplateScope } from './scope.js';
import { readTemplate } from './template.js';

const TEMPLATE = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: { Type: String, Default: dev }
  Secret: { Type: String, NoEcho: true }
  Cidrs: { Type: CommaDelimitedList, Default: "10.0.0.0/8, 192.168.0.0/16" }
  Ami: { Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/service/ami }
Mappings:
  Sizes:
    dev: { Instance: t3.micro }
    prod: { Instance: m6i.large }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::AccountId}-\${Env}-data"
  Role:
    Type: AWS::IAM::Role
    Properties:
      Path: /app/
  Probe:
    Type: AWS::SNS::Topic
    Properties:
      Ref: !Ref Env
      RefGiven: !Ref Secret
      Pseudo: [!Ref AWS::Region, !Ref AWS::Partition, !Ref AWS::URLSuffix, !Ref AWS::StackName]
      SubLiteral: !Sub "\${!Literal}-\${AWS::Region}"
      SubMap: !Sub ["\${A}-\${B}", { A: one, B: !Ref Env }]
      SubAtt: !Sub "\${Bucket.Arn}/*"
      Join: !Join [":", [a, !Ref Env, 3]]
      Select: !Select [1, !Ref Cidrs]
      Split: !Split [",", "a,b,c"]
      Map: !FindInMap [Sizes, !Ref Env, Instance]
      MapDefault: !FindInMap [Sizes, test, Instance, { DefaultValue: t3.nano }]
      Azs: !GetAZs ""
      Import: !ImportValue network-VpcId
      RoleArn: !GetAtt Role.Arn
      RoleId: !GetAtt Role.RoleId
      BucketDomain: !GetAtt [Bucket, RegionalDomainName]
      Cidr: !Cidr ["10.0.0.0/16", 2, 8]
      If: !If [IsProd, big, small]
      Gone: !If [IsProd, kept, !Ref AWS::NoValue]
      List: [a, !Ref AWS::NoValue, b]
      Ami: !Ref Ami
      Version: 2012-10-17
      Yes: yes
      Length: !Length [a, b]
      Json: !ToJsonString { a: [1] }
`;

function probe(given: Record<string, string> = {}, fixed?: Record<string, boolean>) {
  const t = readTemplate(parseTemplate(TEMPLATE), 't.yaml');
  const s = new TemplateScope({
    template: t,
    where: { partition: 'aws', region: 'eu-west-1', account: '111122223333' },
    given: new Map(Object.entries(given)),
    ...(fixed ? { fixed: new Map(Object.entries(fixed)) } : {}),
  });
  return s.properties('Probe');
}

describe('CloudFormation intrinsic functions', () => {
  it('resolves Ref to defaults, given values and pseudo parameters; a parameter without either is unknown', () => {
    const p = probe();
    expect(p.Ref).toBe('dev');
    expect(p.RefGiven).toBeInstanceOf(Unknown);
    expect((p.RefGiven as Unknown).reason).toContain('parameter Secret has no default');
    expect((p.RefGiven as Unknown).location).toEqual({ file: 't.yaml', line: 5 });
    expect(probe({ Secret: 's3cr3t', Env: 'prod' })).toMatchObject({ Ref: 'prod', RefGiven: 's3cr3t' });
    expect((p.Pseudo as unknown[]).slice(0, 3)).toEqual(['eu-west-1', 'aws', 'amazonaws.com']);
    expect((p.Pseudo as unknown[])[3]).toBeInstanceOf(Unknown); // the stack name is chosen at deploy time
    expect(probe({ 'AWS::StackName': 'web' }).Pseudo).toEqual(['eu-west-1', 'aws', 'amazonaws.com', 'web']);
  });

  it('resolves Sub, Join, Select, Split, FindInMap, GetAZs, Cidr, Length and ToJsonString', () => {
    expect(probe()).toMatchObject({
      SubLiteral: '${Literal}-eu-west-1',
      SubMap: 'one-dev',
      SubAtt: 'arn:aws:s3:::111122223333-dev-data/*',
      Join: 'a:dev:3',
      Select: '192.168.0.0/16',
      Split: ['a', 'b', 'c'],
      Map: 't3.micro',
      MapDefault: 't3.nano',
      Azs: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      Cidr: ['10.0.0.0/24', '10.0.1.0/24'],
      Length: 2,
      Json: '{"a":[1]}',
    });
  });

  it('resolves GetAtt where the attribute is knowable, else gives an unknown naming it', () => {
    const p = probe();
    expect(p.RoleArn).toBe('arn:aws:iam::111122223333:role/app/Role');
    expect(p.BucketDomain).toBe('111122223333-dev-data.s3.eu-west-1.amazonaws.com');
    expect((p.RoleId as Unknown).reason).toBe('Role.RoleId is known only once the resource exists');
    expect((p.Import as Unknown).reason).toContain("network-VpcId is another stack's output");
    expect((p.Ami as Unknown).reason).toContain('SSM Parameter Store');
  });

  it('evaluates Fn::If per scenario and drops AWS::NoValue', () => {
    expect(probe({}, { IsProd: false })).toMatchObject({ If: 'small', List: ['a', 'b'] });
    expect(probe({}, { IsProd: false })).not.toHaveProperty('Gone');
    expect(probe({}, { IsProd: true })).toMatchObject({ If: 'big', Gone: 'kept' });
  });

  it('reads YAML with the 1.2 core schema: dates and yes stay strings', () => {
    expect(probe()).toMatchObject({ Version: '2012-10-17', Yes: 'yes' });
  });

  it('reads JSON templates with the same functions and lines', () => {
    const t = readTemplate(parseTemplate('{\n  "Resources": {\n    "T": {\n      "Type": "AWS::SNS::Topic",\n      "Properties": { "TopicName": { "Fn::Join": ["-", ["a", { "Ref": "AWS::Region" }]] } }\n    }\n  }\n}'), 't.json');
    expect(t.resources.get('T')!.line).toBe(3);
    const s = new TemplateScope({ template: t, where: { partition: 'aws', region: 'us-east-1', account: '111122223333' }, given: new Map() });
    expect(s.properties('T')).toEqual({ TopicName: 'a-us-east-1' });
  });

  it('reports template errors with their line', () => {
    const t = readTemplate(parseTemplate('Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Nowhere\n'), 'e.yaml');
    const s = new TemplateScope({ template: t, where: { partition: 'aws', region: 'us-east-1', account: '111122223333' }, given: new Map() });
    expect(() => s.properties('A')).toThrow(new TemplateError('Ref to Nowhere: no such parameter or resource', 5));
    expect(() => parseTemplate('Resources:\n  A: [\n')).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate('A: 1\nA: 2\n')).toThrow(/Map keys must be unique/);
  });
});
