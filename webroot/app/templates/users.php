<?php
/**
 * Users and roles. @var list<array> $users  @var list<string> $roles  @var string $me
 * @var array $form  @var list<string> $errors
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$roleOptions = array_combine($roles, array_map('Relais\Web\t', $roles));
?>
<div class="page-head"><h1><?= e(t('Users')) ?></h1></div>
<?php foreach ($errors as $message): ?>
<div class="flash flash-error" role="alert" id="users-error"><?= e($message) ?></div>
<?php endforeach ?>
<p class="muted"><?= e(t('admin: everything. operator: run flows, retry, cancel, pause jobs, edit partners. viewer: read only.')) ?></p>
<div class="table-wrap">
<table class="table" id="users-table">
  <thead><tr>
    <th scope="col"><?= e(t('Login')) ?></th><th scope="col"><?= e(t('Role')) ?></th><th scope="col"><?= e(t('State')) ?></th>
    <th scope="col"><?= e(t('Last login')) ?></th><th scope="col"><?= e(t('Language')) ?></th><th scope="col"><?= e(t('Certificate (CPS)')) ?></th><th scope="col"><?= e(t('Password')) ?></th>
  </tr></thead>
  <tbody>
<?php foreach ($users as $u): ?>
<?php $self = $u['login'] === $me; $id = 'u-' . substr(sha1($u['login']), 0, 8); ?>
    <tr data-login="<?= e($u['login']) ?>">
      <th scope="row"><?= e($u['login']) ?><?= $self ? ' <span class="muted small">(' . e(t('you')) . ')</span>' : '' ?></th>
      <td>
        <form method="post" action="<?= e(url('users')) ?>" class="inline-form">
          <?= csrf_field() ?><input type="hidden" name="do" value="role"><input type="hidden" name="login" value="<?= e($u['login']) ?>">
          <label for="<?= e($id) ?>-role" class="visually-hidden"><?= e(t('Role of {login}', ['login' => $u['login']])) ?></label>
          <select id="<?= e($id) ?>-role" name="role"<?= $self ? ' disabled' : '' ?>><?= options($roleOptions, (string)$u['role']) ?></select>
<?php if (!$self): ?>
          <button type="submit" class="btn btn-small"><?= e(t('Change')) ?></button>
<?php endif ?>
        </form>
      </td>
      <td>
        <span class="badge <?= $u['enabled'] ? 'badge-succeeded' : 'badge-cancelled' ?>"><?= e($u['enabled'] ? t('enabled') : t('disabled')) ?></span>
<?php if ($u['locked_until'] !== null): ?>
        <span class="badge badge-failed" title="<?= e(fmt_time($u['locked_until'])) ?>"><?= e(t('locked')) ?></span>
        <form method="post" action="<?= e(url('users')) ?>" class="inline">
          <?= csrf_field() ?><input type="hidden" name="do" value="unlock"><input type="hidden" name="login" value="<?= e($u['login']) ?>">
          <button type="submit" class="btn btn-small"><?= e(t('Unlock')) ?></button>
        </form>
<?php endif ?>
<?php if (!$self): ?>
        <form method="post" action="<?= e(url('users')) ?>" class="inline">
          <?= csrf_field() ?><input type="hidden" name="do" value="enable"><input type="hidden" name="login" value="<?= e($u['login']) ?>">
          <input type="hidden" name="enabled" value="<?= $u['enabled'] ? '0' : '1' ?>">
          <button type="submit" class="btn btn-small"><?= e($u['enabled'] ? t('Disable') : t('Enable')) ?></button>
        </form>
<?php endif ?>
      </td>
      <td class="time"><?= e(fmt_time($u['last_login_at'])) ?></td>
      <td><?= e(LANGUAGES[$u['language']] ?? $u['language']) ?></td>
      <td>
        <form method="post" action="<?= e(url('users')) ?>" class="cert-form">
          <?= csrf_field() ?><input type="hidden" name="do" value="certificate"><input type="hidden" name="login" value="<?= e($u['login']) ?>">
          <label for="<?= e($id) ?>-subject" class="small"><?= e(t('Subject')) ?></label>
          <input type="text" id="<?= e($id) ?>-subject" name="subject" value="<?= e($u['cert_subject'] ?? '') ?>" placeholder="CN=…,O=…,C=FR">
          <label for="<?= e($id) ?>-serial" class="small"><?= e(t('Serial (hex)')) ?></label>
          <input type="text" id="<?= e($id) ?>-serial" name="serial" value="<?= e($u['cert_serial'] ?? '') ?>" size="12">
          <button type="submit" class="btn btn-small"><?= e(t('Save')) ?></button>
        </form>
      </td>
      <td>
        <form method="post" action="<?= e(url('users')) ?>" class="inline-form">
          <?= csrf_field() ?><input type="hidden" name="do" value="password"><input type="hidden" name="login" value="<?= e($u['login']) ?>">
          <label for="<?= e($id) ?>-pw" class="visually-hidden"><?= e(t('New password for {login}', ['login' => $u['login']])) ?></label>
          <input type="password" id="<?= e($id) ?>-pw" name="password" autocomplete="new-password" minlength="8" size="10" required>
          <button type="submit" class="btn btn-small"><?= e(t('Set')) ?></button>
        </form>
      </td>
    </tr>
<?php endforeach ?>
  </tbody>
</table>
</div>

<section class="card">
  <h2><?= e(t('New user')) ?></h2>
  <form method="post" action="<?= e(url('users')) ?>" class="form form-narrow" id="new-user">
    <?= csrf_field() ?><input type="hidden" name="do" value="create">
    <label for="new-login"><?= e(t('Login')) ?></label>
    <input type="text" id="new-login" name="login" value="<?= e($form['login']) ?>" required autocomplete="off">
    <label for="new-password"><?= e(t('Password (8 characters or more)')) ?></label>
    <input type="password" id="new-password" name="password" minlength="8" required autocomplete="new-password">
    <label for="new-role"><?= e(t('Role')) ?></label>
    <select id="new-role" name="role"><?= options($roleOptions, $form['role']) ?></select>
    <button type="submit" class="btn btn-primary"><?= e(t('Create')) ?></button>
  </form>
</section>
