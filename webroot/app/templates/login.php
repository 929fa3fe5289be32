<?php
/** The login form. @var string $login  @var ?string $error */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<section class="card login-card">
  <h1>Log in</h1>
<?php if ($error): ?>
  <div class="flash flash-error" role="alert" id="login-error"><?= e($error) ?></div>
<?php endif ?>
  <form method="post" action="<?= e(url('login')) ?>" class="form">
    <?= csrf_field() ?>
    <label for="login">Login</label>
    <input type="text" id="login" name="login" value="<?= e($login) ?>" autocomplete="username" required autofocus>
    <label for="password">Password</label>
    <input type="password" id="password" name="password" autocomplete="current-password" required>
    <button type="submit" class="btn btn-primary">Log in</button>
  </form>
</section>
