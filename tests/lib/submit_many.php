<?php
// submit_many.php CONFIG FLOW COUNT DIR [PARTNER]: for i in 1..COUNT, write
// DIR/doc-<i>.txt (its content names it) and submit it to FLOW through the
// relais extension, one job per file. Prints the number of jobs submitted.
// Used by the system tests that need thousands of jobs quickly (one process,
// one connection, instead of one `relais submit` process per job).
[$self, $config, $flow, $count, $dir] = $argv + [null, null, null, null, null];
if ($dir === null || !ctype_digit((string)$count)) {
    fwrite(STDERR, "usage: php submit_many.php CONFIG FLOW COUNT DIR\n");
    exit(2);
}
if (!is_dir($dir) && !mkdir($dir, 0755, true)) {
    fwrite(STDERR, "cannot create $dir\n");
    exit(2);
}
$jobs = (new Relais\Client($config))->jobs();
$n = 0;
for ($i = 1; $i <= (int)$count; $i++) {
    $name = sprintf('doc-%06d.txt', $i);
    $path = "$dir/$name";
    file_put_contents($path, "document $i of $count\n");
    $jobs->submit($flow, [$name => $path], [], 'test:submit_many');
    $n++;
}
echo $n, "\n";
