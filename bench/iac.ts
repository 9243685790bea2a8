/**
 * Benchmark: loading infrastructure as code. Generates 1,000 Terraform files (about 2 MB, in 20
 * root modules that each call a local module) and a 1 MB CloudFormation template (with
 * parameters, conditions and intrinsic functions), then loads each set in a fresh process and
 * reports wall time and peak memory (max RSS), and the time of a full scan (all checks) too.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TF_FILES = 1000;
const ROOTS = 20;
const CFN_BYTES = 1024 * 1024;

function tfFile(root: number, i: number): string {
  const n = `${root}_${i}`;
  return `# generated: root ${root}, file ${i}
variable "cidr_${i}" {
  type    = string
  default = "10.${root}.${i % 250}.0/24"
}

locals {
  name_${i} = "nw-${root}-${i}-\${var.env}"
  tags_${i} = merge(local.common_tags, { file = "${i}" })
}

resource "aws_s3_bucket" "b${i}" {
  bucket = local.name_${i}
  tags   = local.tags_${i}
}

resource "aws_s3_bucket_public_access_block" "b${i}" {
  bucket                  = aws_s3_bucket.b${i}.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = ${i % 7 === 0 ? 'false' : 'true'}
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "b${i}" {
  bucket = aws_s3_bucket.b${i}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecure"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["\${aws_s3_bucket.b${i}.arn}", "\${aws_s3_bucket.b${i}.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_security_group" "sg${i}" {
  name        = "sg-${n}"
  description = "generated group ${n}"
  vpc_id      = aws_vpc.main.id

  dynamic "ingress" {
    for_each = { https = 443, app = ${8000 + (i % 100)} }
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.cidr_${i}]
    }
  }
}

data "aws_iam_policy_document" "d${i}" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["\${aws_s3_bucket.b${i}.arn}/*"]
  }
}

resource "aws_instance" "vm${i}" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.sg${i}.id]
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted   = true
    volume_size = 20
  }
  tags = merge(local.tags_${i}, { Name = "vm-${n}" })
}

resource "aws_cloudwatch_metric_alarm" "cpu${i}" {
  alarm_name          = "cpu-${n}"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  dimensions          = { InstanceId = aws_instance.vm${i}.id }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 90
  comparison_operator = "GreaterThanThreshold"
}

resource "aws_iam_role_policy" "p${i}" {
  name   = "p${i}"
  role   = aws_iam_role.app.name
  policy = data.aws_iam_policy_document.d${i}.json
}
`;
}

function tfRoot(dir: string, root: number, files: number): void {
  mkdirSync(join(dir, 'modules', 'tags'), { recursive: true });
  writeFileSync(
    join(dir, 'main.tf'),
    `provider "aws" {\n  region = "us-east-1"\n}\n\nvariable "env" {\n  default = "prod"\n}\n\nmodule "tags" {\n  source = "./modules/tags"\n  team   = "team-${root}"\n}\n\nlocals {\n  common_tags = module.tags.tags\n}\n\nresource "aws_vpc" "main" {\n  cidr_block = "10.${root}.0.0/16"\n}\n\nresource "aws_iam_role" "app" {\n  name = "app-${root}"\n  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })\n}\n`,
  );
  writeFileSync(join(dir, 'modules', 'tags', 'main.tf'), 'variable "team" {}\noutput "tags" {\n  value = { team = var.team, managed = "terraform" }\n}\n');
  for (let i = 0; i < files - 1; i++) writeFileSync(join(dir, `f${i}.tf`), tfFile(root, i));
}

function cfnTemplate(bytes: number): string {
  const head = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  VpcId:
    Type: String
    Default: vpc-0123456789abcdef0
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Mappings:
  Ports:
    dev: { App: 8080 }
    prod: { App: 443 }
Resources:
`;
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const r = `  Bucket${i}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "nw-\${Env}-\${AWS::Region}-${i}"
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, Suspended]
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
      Tags:
        - Key: index
          Value: "${i}"
  Policy${i}:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket${i}
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt Bucket${i}.Arn, !Join ["", [!GetAtt Bucket${i}.Arn, "/*"]]]
            Condition: { Bool: { aws:SecureTransport: "false" } }
  Group${i}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub "group ${i} in \${Env}"
      VpcId: !Ref VpcId
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: !FindInMap [Ports, !Ref Env, App]
          ToPort: !FindInMap [Ports, !Ref Env, App]
          CidrIp: !If [IsProd, 10.0.0.0/8, 0.0.0.0/0]
          Description: app
`;
    parts.push(r);
    size += r.length;
  }
  return parts.join('');
}

/** 1,000 groups and databases whose rules and flags come from a variable without default. */
function deployTimeRoot(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const parts = ['variable "cidr" {}\n'];
  for (let i = 0; i < 1000; i++) {
    parts.push(`resource "aws_security_group" "sg${i}" {
  name        = "sg${i}"
  description = "group ${i}"
  ingress {
    description = "app"
    from_port   = ${1000 + i}
    to_port     = ${1000 + i}
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}

resource "aws_db_instance" "db${i}" {
  identifier             = "db${i}"
  engine                 = "postgres"
  publicly_accessible    = var.cidr == "0.0.0.0/0"
  storage_encrypted      = true
  vpc_security_group_ids = [aws_security_group.sg${i}.id]
}
`);
  }
  writeFileSync(join(dir, 'main.tf'), parts.join('\n'));
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? sizeOf(p) : statSync(p).size;
  }
  return total;
}

function measure(what: 'load' | 'scan', paths: string[]): Record<string, number> {
  const child = fileURLToPath(new URL('./iac-load.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, what, ...paths], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Record<string, number>;
}

export async function benchIac(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-bench-iac-'));
  try {
    const tf = join(dir, 'terraform');
    for (let r = 0; r < ROOTS; r++) tfRoot(join(tf, `root${r}`), r, TF_FILES / ROOTS);
    const cfnDir = join(dir, 'cloudformation');
    mkdirSync(cfnDir);
    const cfn = join(cfnDir, 'template.yaml');
    writeFileSync(cfn, cfnTemplate(CFN_BYTES));
    // The same process loading one tiny file: node, tsx and Rampart's modules, to subtract.
    const tiny = join(dir, 'tiny');
    mkdirSync(tiny);
    writeFileSync(join(tiny, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
    const baseline = measure('load', [tiny]);
    const tfLoad = measure('load', [tf]);
    const cfnLoad = measure('load', [cfn]);
    const tfScan = measure('scan', [tf]);
    const cfnScan = measure('scan', [cfn]);
    const deferredDir = join(dir, 'deploy-time');
    deployTimeRoot(deferredDir);
    const deferredScan = measure('scan', [deferredDir]);
    return {
      name: 'iac',
      'baseline peak RSS MiB (process, one tiny file)': baseline.peakRssMiB!,
      'terraform: files': TF_FILES + ROOTS, // the generated files plus each root's main.tf and module
      'terraform: MB': Math.round((sizeOf(tf) / 2 ** 20) * 100) / 100,
      'terraform: load ms': tfLoad.loadMs!,
      'terraform: load peak RSS MiB': tfLoad.peakRssMiB!,
      'terraform: resources (buckets, roles, groups)': tfLoad.resources!,
      'terraform: load + all checks ms': tfScan.totalMs!,
      'terraform: findings': tfScan.findings!,
      'cloudformation: MB': Math.round((statSync(cfn).size / 2 ** 20) * 100) / 100,
      'cloudformation: load ms (2 scenarios)': cfnLoad.loadMs!,
      'cloudformation: load peak RSS MiB': cfnLoad.peakRssMiB!,
      'cloudformation: resources (buckets, groups)': cfnLoad.resources!,
      'cloudformation: load + all checks ms': cfnScan.totalMs!,
      'cloudformation: findings': cfnScan.findings!,
      'deploy-time values (1,000 groups + 1,000 databases): load + all checks ms': deferredScan.totalMs!,
      errors: tfLoad.errors! + cfnLoad.errors!,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run on its own: npx tsx bench/iac.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchIac().then((r) => console.log(JSON.stringify(r, null, 2)));
}
