/**
 * Well-known ports by what an attacker gets when they are open to the internet. Names are for
 * messages only; the lists that decide are the checks' options, which default to these.
 */
export const ADMIN_PORTS: Readonly<Record<number, string>> = {
  22: 'SSH',
  3389: 'RDP',
};

export const DATABASE_PORTS: Readonly<Record<number, string>> = {
  1433: 'SQL Server',
  1434: 'SQL Server Browser',
  1521: 'Oracle',
  2483: 'Oracle',
  2484: 'Oracle (TLS)',
  3306: 'MySQL/MariaDB',
  5432: 'PostgreSQL',
  5439: 'Redshift',
  5984: 'CouchDB',
  6379: 'Redis',
  7000: 'Cassandra',
  7001: 'Cassandra',
  8086: 'InfluxDB',
  9042: 'Cassandra',
  9200: 'Elasticsearch/OpenSearch',
  9300: 'Elasticsearch/OpenSearch',
  11211: 'Memcached',
  27017: 'MongoDB',
  27018: 'MongoDB',
  27019: 'MongoDB',
  2379: 'etcd',
  2380: 'etcd',
  50000: 'Db2',
};

export function portName(port: number): string | undefined {
  return ADMIN_PORTS[port] ?? DATABASE_PORTS[port] ?? WEB_PORTS[port];
}

const WEB_PORTS: Readonly<Record<number, string>> = { 80: 'HTTP', 443: 'HTTPS', 8080: 'HTTP', 8443: 'HTTPS' };

export const numberList = (o: Readonly<Record<number, string>>): number[] => Object.keys(o).map(Number).sort((a, b) => a - b);
