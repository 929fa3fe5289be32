<?php
/** An error page. @var string $heading  @var string $message  @var ?string $back */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<section class="card error-card">
  <h1><?= e($heading) ?></h1>
  <p class="error-message"><?= e($message) ?></p>
  <p><a class="btn" href="<?= e($back ?? url(current_user() ? 'dashboard' : 'login')) ?>"><?= e(t('Back')) ?></a></p>
</section>
