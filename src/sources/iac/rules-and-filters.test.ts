import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inventoryOf, list, load, region } from './testing.js';

/** Writes one template into a fresh directory and loads it. */
function loadText(file: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-iac-'));
  writeFileSync(join(dir, file), text);
  const l = load([dir]);
  expect(l.errors).toEqual([]);
  return inventoryOf(l);
}

const CFN = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  RedirectProtocol:
    Type: String
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: trail-logs
      LifecycleConfiguration:
        Rules:
          - Id: tagged
            Status: Enabled
            Prefix: AWSLogs/
            TagFilters: [{ Key: archive, Value: 'yes' }]
            ObjectSizeGreaterThan: '131072'
            Transitions: [{ StorageClass: GLACIER, TransitionInDays: 90 }]
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: web }
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions: [{ Type: redirect, RedirectConfig: { Protocol: HTTPS, Port: '443', StatusCode: HTTP_301 } }]
  Http8080:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 8080
      Protocol: HTTP
      DefaultActions: [{ Type: redirect, RedirectConfig: { Protocol: HTTPS, Port: '443', StatusCode: HTTP_301 } }]
  Api:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Http
      Priority: 10
      Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: ['/api/*'] } }, { Field: http-header, HttpHeaderConfig: { HttpHeaderName: X-Env, Values: [beta] } }]
      Actions: [{ Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/api/1 }]
  Deferred:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !GetAtt Http8080.ListenerArn
      Priority: 5
      Conditions: [{ Field: host-header, Values: [old.example.com] }]
      Actions: [{ Type: redirect, RedirectConfig: { Protocol: !Ref RedirectProtocol, StatusCode: HTTP_301 } }]
`;

const TF = `resource "aws_s3_bucket" "logs" {
  bucket = "trail-logs"
}
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id     = "one-tag"
    status = "Enabled"
    filter {
      tag {
        key   = "archive"
        value = "yes"
      }
    }
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }
  rule {
    id     = "and"
    status = "Enabled"
    filter {
      and {
        prefix                   = "AWSLogs/"
        tags                     = { tier = "cold" }
        object_size_less_than    = 1048576
      }
    }
    transition {
      days          = 30
      storage_class = "DEEP_ARCHIVE"
    }
  }
}
resource "aws_lb" "web" {
  name = "web"
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}
resource "aws_alb_listener_rule" "api" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10
  action {
    type             = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "503"
    }
  }
  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
  condition {
    query_string {
      key   = "v"
      value = "2"
    }
  }
}
`;

describe('lifecycle filters and listener rules from templates', () => {
  it('CloudFormation: TagFilters and size bounds; ListenerRule joined onto its listener, deploy-time rules unknown', () => {
    const inv = loadText('stack.yaml', CFN);
    const [b] = list(inv.s3.buckets);
    expect(list(b!.lifecycle)).toEqual([
      { id: 'tagged', enabled: true, prefix: 'AWSLogs/', tags: { archive: 'yes' }, objectSizeGreaterThan: 131072, transitions: [{ storageClass: 'GLACIER', days: 90 }], noncurrentVersionTransitions: [] },
    ]);
    const [lb] = list(region(inv).elb.v2);
    const [http, http8080] = list(lb!.listeners);
    expect(http!.rules).toEqual({
      state: 'ok',
      value: [
        {
          priority: '10',
          conditions: [
            { field: 'path-pattern', values: ['/api/*'] },
            { field: 'http-header', values: ['X-Env: beta'] },
          ],
          actions: [{ type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/api/1' }],
        },
      ],
    });
    expect(http8080!.rules).toMatchObject({ state: 'unknown' });
  });

  it('Terraform: filter.tag, filter.and (tags, size); aws_alb_listener_rule joined onto its listener', () => {
    const inv = loadText('main.tf', TF);
    const [b] = list(inv.s3.buckets);
    expect(list(b!.lifecycle).map((r) => [r.id, r.prefix, r.tags, r.objectSizeLessThan])).toEqual([
      ['one-tag', undefined, { archive: 'yes' }, undefined],
      ['and', 'AWSLogs/', { tier: 'cold' }, 1048576],
    ]);
    const [lb] = list(region(inv).elb.v2);
    const [http] = list(lb!.listeners);
    expect(http!.rules).toEqual({
      state: 'ok',
      value: [
        {
          priority: '10',
          conditions: [
            { field: 'path-pattern', values: ['/api/*'] },
            { field: 'query-string', values: ['v=2'] },
          ],
          actions: [{ type: 'fixed-response' }],
        },
      ],
    });
  });
});
