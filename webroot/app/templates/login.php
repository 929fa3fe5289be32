<?php
/** The login form. @var string $login  @var ?string $error  @var ?array $certificate */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<section class="card login-card">
  <h1><?= e(t('Log in')) ?></h1>
<?php if ($error): ?>
  <div class="flash flash-error" role="alert" id="login-error"><?= e($error) ?></div>
<?php endif ?>
<?php if ($certificate !== null): ?>
  <form method="post" action="<?= e(url('login-cert')) ?>" class="form cert-login" id="cert-login">
    <?= csrf_field() ?>
    <p class="hint"><?= e(t('Certificate presented: {subject}', ['subject' => $certificate['subject']])) ?></p>
    <button type="submit" class="btn btn-primary"><?= e(t('Log in with my card (CPS)')) ?></button>
  </form>
  <p class="or"><?= e(t('or with a password')) ?></p>
<?php endif ?>
  <form method="post" action="<?= e(url('login')) ?>" class="form" id="login-form">
    <?= csrf_field() ?>
    <label for="login"><?= e(t('Login')) ?></label>
    <input type="text" id="login" name="login" value="<?= e($login) ?>" autocomplete="username" required autofocus>
    <label for="password"><?= e(t('Password')) ?></label>
    <input type="password" id="password" name="password" autocomplete="current-password" required>
    <button type="submit" class="btn btn-primary"><?= e(t('Log in')) ?></button>
  </form>
  <p class="langs small">
<?php foreach (LANGUAGES as $code => $name): ?>
    <a href="<?= e(url('login', ['lang' => $code])) ?>" hreflang="<?= e($code) ?>" lang="<?= e($code) ?>"<?= lang() === $code ? ' aria-current="true"' : '' ?>><?= e($name) ?></a>
<?php endforeach ?>
  </p>
</section>
