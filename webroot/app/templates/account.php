<?php
/** My account. @var array $me  @var ?string $error */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<div class="page-head"><h1><?= e(t('My account')) ?></h1></div>
<?php if ($error !== null): ?>
<div class="flash flash-error" role="alert" id="account-error"><?= e($error) ?></div>
<?php endif ?>
<section class="card">
  <dl class="facts">
    <div><dt><?= e(t('Login')) ?></dt><dd><?= e($me['login']) ?></dd></div>
    <div><dt><?= e(t('Role')) ?></dt><dd><?= e(t($me['role'])) ?></dd></div>
    <div><dt><?= e(t('Last login')) ?></dt><dd class="time"><?= e(fmt_time($me['last_login_at'])) ?></dd></div>
    <div><dt><?= e(t('Certificate (CPS)')) ?></dt><dd><?= e($me['cert_subject'] ?? t('none')) ?></dd></div>
  </dl>
</section>
<div class="columns">
<section class="card">
  <h2><?= e(t('Language')) ?></h2>
  <form method="post" action="<?= e(url('account')) ?>" class="form" id="language-form">
    <?= csrf_field() ?><input type="hidden" name="do" value="language">
    <label for="language"><?= e(t('Language of the pages')) ?></label>
    <select id="language" name="language"><?= options(LANGUAGES, (string)$me['language']) ?></select>
    <button type="submit" class="btn btn-primary"><?= e(t('Save')) ?></button>
  </form>
</section>
<section class="card">
  <h2><?= e(t('Password')) ?></h2>
  <form method="post" action="<?= e(url('account')) ?>" class="form" id="password-form">
    <?= csrf_field() ?><input type="hidden" name="do" value="password">
    <label for="current"><?= e(t('Current password')) ?></label>
    <input type="password" id="current" name="current" autocomplete="current-password" required>
    <label for="new-pw"><?= e(t('New password (8 characters or more)')) ?></label>
    <input type="password" id="new-pw" name="password" autocomplete="new-password" minlength="8" required>
    <label for="confirm-pw"><?= e(t('New password again')) ?></label>
    <input type="password" id="confirm-pw" name="confirm" autocomplete="new-password" minlength="8" required>
    <button type="submit" class="btn btn-primary"><?= e(t('Change my password')) ?></button>
  </form>
</section>
</div>
