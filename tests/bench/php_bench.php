<?php
// php_bench.php: the extension's figures (issue 4), run by tests/bench/php_extension.sh.
//   submit CONFIG DSN N [BATCH]
//                           N jobs of one file each through Relais\Jobs::submit (BATCH 1)
//                           or Jobs::submitMany (BATCH jobs a call), and the same work in
//                           plain PHP with PDO (check the flow, store the files by their
//                           SHA-256, insert each job, its document and its log line, one
//                           transaction a batch); the two sides alternate batch by batch
//   list CONFIG N           N Jobs::list calls of 50 rows with varied filters: p50/p95/max
//   read CONFIG MB          readDocument() of an MB-megabyte document: peak memory
// It measures; it asserts nothing.
declare(strict_types=1);

function pct(array $v, float $p): float
{
    sort($v);
    return $v[(int)min(count($v) - 1, round($p / 100 * (count($v) - 1)))];
}

function cpuSeconds(): float
{
    $u = getrusage();
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}

function ms(float $s): string
{
    return sprintf('%.2f ms', $s * 1000);
}

/** The content store's write of one file, in plain PHP: by SHA-256, fsync, rename. */
function pdoStore(string $store, string $path): array
{
    $bytes = file_get_contents($path);
    $sha = hash('sha256', $bytes);
    $rel = substr($sha, 0, 2) . '/' . substr($sha, 2, 2) . "/$sha";
    @mkdir("$store/" . dirname($rel), 0775, true);
    $tmp = "$store/tmp/pdo-" . getmypid() . '-' . mt_rand();
    @mkdir("$store/tmp", 0775, true);
    $fh = fopen($tmp, 'xb');
    fwrite($fh, $bytes);
    fflush($fh);
    fsync($fh);
    fclose($fh);
    rename($tmp, "$store/$rel");
    return [strlen($bytes), $sha, $rel];
}

/** The flow's newest version, checked enabled: what JobQueue::submit checks on every submit. */
function pdoFlow(PDO $pdo, string $flow): array
{
    static $q = null;
    $q ??= $pdo->prepare('SELECT id, name, version, enabled FROM flow WHERE name = ? ORDER BY version DESC LIMIT 1');
    $q->execute([$flow]);
    $row = $q->fetch(PDO::FETCH_ASSOC);
    $q->closeCursor();
    if (!$row || !$row['enabled']) {
        throw new RuntimeException("flow $flow unknown or disabled");
    }
    return $row;
}

/**
 * The same rows and files as JobQueue::submitMany (one submit when $names
 * holds one name), written with PDO the way a careful PHP programmer would:
 * the flow checked (once per call), the files stored, then the job, its
 * document and its log line per job with statements prepared once, all in
 * one transaction.
 */
function pdoSubmit(PDO $pdo, string $store, string $flow, array $names, array $paths): array
{
    static $job = null, $doc = null, $log = null;
    $job ??= $pdo->prepare('INSERT INTO job (flow_id, flow_name, flow_version, priority, max_attempts, params, submitted_by) '
        . "VALUES (?, ?, ?, 0, 1, '{}', 'bench')");
    $doc ??= $pdo->prepare("INSERT INTO document (job_id, direction, name, size, sha256, store_path) VALUES (?, 'in', ?, ?, ?, ?)");
    $log ??= $pdo->prepare("INSERT INTO job_log (job_id, level, message) VALUES (?, 'info', ?)");
    $f = pdoFlow($pdo, $flow);
    $stored = array_map(fn ($p) => pdoStore($store, $p), $paths);
    $ids = [];
    $pdo->beginTransaction();
    foreach ($names as $i => $name) {
        $job->execute([$f['id'], $f['name'], $f['version']]);
        $id = (int)$pdo->lastInsertId();
        [$size, $sha, $rel] = $stored[$i];
        $doc->execute([$id, $name, $size, $sha, $rel]);
        $log->execute([$id, "submitted to flow $flow version {$f['version']} with 1 document(s) by bench"]);
        $ids[] = $id;
    }
    $pdo->commit();
    return $ids;
}

/** PDO from a mariadb://USER:PASSWORD@localhost/DB?socket=PATH DSN. */
function pdoFrom(string $dsn): PDO
{
    $u = parse_url($dsn);
    parse_str($u['query'] ?? '', $q);
    $pdo = new PDO('mysql:unix_socket=' . $q['socket'] . ';dbname=' . ltrim($u['path'], '/') . ';charset=utf8mb4',
        rawurldecode($u['user']), rawurldecode($u['pass'] ?? ''),
        [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_EMULATE_PREPARES => false]);
    $pdo->exec("SET SESSION time_zone = '+00:00'");
    return $pdo;
}

[$self, $what, $config] = $argv + [null, null, null];
$client = new Relais\Client($config);
$jobs = $client->jobs();
$ini = parse_ini_file($config, true, INI_SCANNER_RAW);
$tmpDir = sys_get_temp_dir() . '/relais-php-bench-' . getmypid();
@mkdir($tmpDir, 0700, true);

switch ($what) {
    case 'submit':
        [, , , $dsn, $n] = $argv;
        $n = (int)$n;
        $batch = max(1, (int)($argv[5] ?? 1));
        $files = [];
        $pdoFiles = [];
        for ($i = 0; $i < $n; $i++) {
            $files[$i] = "$tmpDir/doc-$i.txt";
            file_put_contents($files[$i], "document $i " . str_repeat('x', 200) . "\n");
            // Other bytes, so that the store files are new for PDO too.
            $pdoFiles[$i] = "$tmpDir/pdo-doc-$i.txt";
            file_put_contents($pdoFiles[$i], "pdo document $i " . str_repeat('y', 200) . "\n");
        }
        $pdo = pdoFrom($dsn);
        $store = $ini['store']['path'];
        // The two sides alternate, one batch each in turn, so that whatever
        // else the machine does weighs on both alike.
        $ext = $plain = $extCpu = $plainCpu = 0.0;
        $extIds = $pdoIds = 0;
        for ($from = 0; $from < $n; $from += $batch) {
            $count = min($batch, $n - $from);
            $c = cpuSeconds();
            $t = hrtime(true);
            if ($batch === 1) {
                $jobs->submit('bench-in', ["doc-$from.txt" => $files[$from]], [], 'bench');
                $extIds++;
            } else {
                $subs = [];
                for ($i = $from; $i < $from + $count; $i++) {
                    $subs[] = ['flow' => 'bench-in', 'files' => ["doc-$i.txt" => $files[$i]]];
                }
                $extIds += count($jobs->submitMany($subs, 'bench'));
            }
            $ext += (hrtime(true) - $t) / 1e9;
            $c2 = cpuSeconds();
            $extCpu += $c2 - $c;
            $t = hrtime(true);
            $names = [];
            for ($i = $from; $i < $from + $count; $i++) {
                $names[] = "doc-$i.txt";
            }
            $pdoIds += count(pdoSubmit($pdo, $store, 'bench-in', $names, array_slice($pdoFiles, $from, $count)));
            $plain += (hrtime(true) - $t) / 1e9;
            $plainCpu += cpuSeconds() - $c2;
        }
        if ($extIds !== $n || $pdoIds !== $n) {
            fwrite(STDERR, "submitted $extIds (extension) and $pdoIds (PDO) jobs instead of $n\n");
            exit(1);
        }
        $how = $batch === 1 ? 'one submit() per job, one transaction each'
            : "submitMany() of $batch jobs a call, PDO one transaction per $batch jobs";
        printf("submit %d jobs (%s): extension %.2f s (%.0f jobs/s), PDO %.2f s (%.0f jobs/s): extension %.2fx faster\n",
            $n, $how, $ext, $n / $ext, $plain, $n / $plain, $plain / $ext);
        // The PHP process's own CPU time (user + system): the binding's cost,
        // whatever else the machine is doing (the database's work is not in it).
        printf("PHP process CPU per job: extension %.1f us, PDO %.1f us (%.2fx)\n",
            $extCpu / $n * 1e6, $plainCpu / $n * 1e6, $plainCpu / $extCpu);
        break;

    case 'list':
        $n = (int)($argv[3] ?? 200);
        $flows = array_values(array_filter(array_column($client->flows()->list(), 'name'),
            fn ($f) => str_starts_with($f, 'bench-flow-')));
        $statuses = ['succeeded', 'failed', 'queued', 'cancelled'];
        $kinds = [
            'newest'          => fn ($i) => [],
            'status'          => fn ($i) => ['status' => $statuses[$i % 4]],
            'flow'            => fn ($i) => ['flow' => $flows[$i % count($flows)]],
            'flow+status'     => fn ($i) => ['flow' => $flows[$i % count($flows)], 'status' => 'failed'],
            'partner'         => fn ($i) => ['partner' => sprintf('partner-%03d', $i % 200)],
            'date range'      => fn ($i) => ['from' => date('Y-m-d', time() - 86400 * (10 + $i % 60)),
                                             'to' => date('Y-m-d', time() - 86400 * (9 + $i % 60))],
            'text'            => fn ($i) => ['text' => sprintf('INVOIC_partner-%03d', 1 + $i % 200)],
        ];
        foreach ($kinds as $label => $filter) {
            $times = [];
            $jobs->list($filter(0), 50);  // warm the statement cache
            for ($i = 0; $i < $n; $i++) {
                $t = hrtime(true);
                $jobs->list($filter($i), 50);
                $times[] = (hrtime(true) - $t) / 1e9;
            }
            printf("Jobs::list 50 rows, %-12s p50 %s  p95 %s  max %s\n", $label, ms(pct($times, 50)), ms(pct($times, 95)),
                ms(max($times)));
        }
        break;

    case 'read':
        $mb = (int)($argv[3] ?? 200);
        $path = "$tmpDir/big.bin";
        $fh = fopen($path, 'wb');
        $chunk = random_bytes(1 << 20);
        for ($i = 0; $i < $mb; $i++) {
            fwrite($fh, $chunk);
        }
        fclose($fh);
        $id = $jobs->submit('bench-in', ['big.bin' => $path], [], 'bench');
        unlink($path);
        $doc = $jobs->documents($id)[0];
        $before = memory_get_peak_usage();
        $t = hrtime(true);
        $stream = $jobs->readDocument($doc['id']);
        $ctx = hash_init('sha256');
        $bytes = 0;
        while (!feof($stream)) {
            $data = fread($stream, 65536);
            $bytes += strlen($data);
            hash_update($ctx, $data);
        }
        fclose($stream);
        $secs = (hrtime(true) - $t) / 1e9;
        printf("readDocument %d MB: %d bytes read in %.2f s (%.0f MB/s), sha256 %s; PHP peak memory %.2f MB (%.2f MB before reading)\n",
            $mb, $bytes, $secs, $mb / $secs, hash_final($ctx) === $doc['sha256'] ? 'matches' : 'DIFFERS',
            memory_get_peak_usage() / 1048576, $before / 1048576);
        break;

    default:
        fwrite(STDERR, "usage: php_bench.php submit|list|read CONFIG ...\n");
        exit(2);
}
array_map('unlink', glob("$tmpDir/*"));
rmdir($tmpDir);
