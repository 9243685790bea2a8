/**
 * The Elastic Load Balancing accounts that write access logs in the regions opened before August
 * 2022 (ELB User Guide, "Enable access logs": the bucket policy grants s3:PutObject to them). Newer
 * regions use the service principal logdelivery.elasticloadbalancing.amazonaws.com instead.
 */
export const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
  '127311923021': 'us-east-1',
  '033677994240': 'us-east-2',
  '027434742980': 'us-west-1',
  '797873946194': 'us-west-2',
  '098369216593': 'af-south-1',
  '754344448648': 'ap-east-1',
  '718504428378': 'ap-south-1',
  '582318560864': 'ap-northeast-1',
  '600734575887': 'ap-northeast-2',
  '383597477331': 'ap-northeast-3',
  '114774131450': 'ap-southeast-1',
  '783225319266': 'ap-southeast-2',
  '985666609251': 'ca-central-1',
  '054676820928': 'eu-central-1',
  '156460612806': 'eu-west-1',
  '652711504416': 'eu-west-2',
  '009996457667': 'eu-west-3',
  '635631232127': 'eu-south-1',
  '897822967062': 'eu-north-1',
  '076674570225': 'me-south-1',
  '507241528517': 'sa-east-1',
};
