--TEST--
Jobs: cancel, pause, resume and retry change a job as its status allows; a request on a running job waits for its worker; a retry of a running job (another operator was faster) is a ConflictException
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('f');
$jobs = $env->client()->jobs();
$status = fn (int $id) => $jobs->get($id)['status'];

$id = $jobs->submit('f');
$jobs->pause($id, 'web:ops');   echo 'pause:  ', $status($id), "\n";
$jobs->resume($id, 'web:ops');  echo 'resume: ', $status($id), "\n";
$jobs->cancel($id);             echo 'cancel: ', $status($id), "\n";
$jobs->retry($id, 'web:ops');   echo 'retry:  ', $status($id), "\n";

// Two operators press Retry on the same failed job: the second one's job is already running.
$env->sql("UPDATE job SET status = 'running', node = 'n1', lease_until = NOW() + INTERVAL 60 SECOND WHERE id = $id");
try {
    $jobs->retry($id, 'web:second');
} catch (Relais\ConflictException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// Cancel of a running job is a request its worker honours.
$jobs->cancel($id, 'web:ops');
echo 'cancel running: ', $status($id), ', request ', trim($env->sql("SELECT request FROM job WHERE id = $id")), "\n";

foreach ([fn () => $jobs->resume($id), fn () => $jobs->cancel(987654), fn () => $jobs->pause(0),
          fn () => $jobs->retry($id, ['web:x'])] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
pause:  paused
resume: queued
cancel: cancelled
retry:  queued
Relais\ConflictException: job #1 is running; only failed, cancelled jobs can be retried
cancel running: running, request cancel
Relais\ConflictException: job #1 is running; only paused jobs can be resumed
Relais\NotFoundException: no job #987654
ValueError: Relais\Jobs::pause(): Argument #1 ($id) must be greater than 0
TypeError: Relais\Jobs::retry(): Argument #2 ($by) must be of type ?string, array given
