<?php
/** Retry, cancel, pause or resume one job (POST from the job page), then back to it. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$id = id_param('id', 'post');
$action = param('action', 'post');
if ($id === null || !in_array($action, ['retry', 'cancel', 'pause', 'resume'], true)) {
    render('error', ['title' => t('Unknown action'), 'heading' => t('Unknown action'),
        'message' => t('The form named no job or no known action.'), 'back' => url('jobs')], 400);
}
try {
    client()->jobs()->$action($id, 'web:' . current_user()['login']);
    audit('job.' . $action, 'job #' . $id);
    flash('success', match ($action) {
        'retry' => t('Job #{id} is queued again.', ['id' => $id]),
        'cancel' => t('Job #{id}: cancel requested.', ['id' => $id]),
        'pause' => t('Job #{id}: pause requested.', ['id' => $id]),
        'resume' => t('Job #{id} resumed.', ['id' => $id]),
    });
} catch (\Throwable $err) {
    if (!is_core_error($err)) {
        throw $err;
    }
    flash('error', core_error(t('Job #{id} was left as it was', ['id' => $id]), $err));
}
redirect(url('job', ['id' => $id]));
