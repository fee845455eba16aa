<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorTexts</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed logins. Try again later or ask an administrator.</source>
        <translation>登录失败次数过多，账号已被临时锁定。请稍后再试或联系管理员。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>该账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Your role is not allowed to do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>The rejection reasons do not fit the decision: a rejection needs at least one reason, an approval none.</source>
        <translation>驳回原因与审核结果不符：驳回至少需要一个原因，通过则不能带原因。</translation>
    </message>
    <message>
        <source>This submission no longer exists.</source>
        <translation>该提交已不存在。</translation>
    </message>
    <message>
        <source>This submission has already been decided.</source>
        <translation>该提交已审核完毕。</translation>
    </message>
    <message>
        <source>Another reviewer is working on this submission.</source>
        <translation>其他审核员正在审核该提交。</translation>
    </message>
    <message>
        <source>The photo file is missing from the photo store.</source>
        <translation>照片库中缺少该照片文件。</translation>
    </message>
    <message>
        <source>The photo file is damaged (its checksum does not match).</source>
        <translation>照片文件已损坏（校验值不符）。</translation>
    </message>
    <message>
        <source>The photo reference is invalid.</source>
        <translation>照片引用无效。</translation>
    </message>
    <message>
        <source>The database was created by a newer PhotoDesk. Please update PhotoDesk.</source>
        <translation>数据库由更新版本的 PhotoDesk 创建，请升级 PhotoDesk。</translation>
    </message>
    <message>
        <source>The database is busy. Please try again.</source>
        <translation>数据库繁忙，请重试。</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <source>The database reported an error. Nothing was saved.</source>
        <translation>数据库出错，本次操作未保存任何内容。</translation>
    </message>
    <message>
        <source>The demo database already exists.</source>
        <translation>演示数据库已存在。</translation>
    </message>
    <message>
        <source>The demo data was not found.</source>
        <translation>未找到演示数据。</translation>
    </message>
    <message>
        <source>Your hold on this submission has expired; open it again to decide.</source>
        <translation>您对该提交的锁定已过期，请重新打开后再审核。</translation>
    </message>
    <message>
        <source>A resend of this SMS is still waiting to be sent.</source>
        <translation>该短信的重发仍在等待发送。</translation>
    </message>
    <message>
        <source>The call note is empty.</source>
        <translation>通话记录为空。</translation>
    </message>
    <message>
        <source>The export file cannot be written. Choose another folder.</source>
        <translation>无法写入导出文件，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The user name is empty or already taken.</source>
        <translation>用户名为空或已被占用。</translation>
    </message>
    <message>
        <source>The new password is too weak: at least 8 characters, different from the current one.</source>
        <translation>新密码强度不足：至少 8 个字符，且不能与当前密码相同。</translation>
    </message>
    <message>
        <source>The collection platform cannot be reached. PhotoDesk keeps trying.</source>
        <translation>无法连接采集平台，PhotoDesk 会继续重试。</translation>
    </message>
    <message>
        <source>The collection platform did not answer in time. PhotoDesk keeps trying.</source>
        <translation>采集平台响应超时，PhotoDesk 会继续重试。</translation>
    </message>
    <message>
        <source>The collection platform refused the access token. Check PHOTODESK_PLATFORM_TOKEN.</source>
        <translation>采集平台拒绝了访问令牌，请检查 PHOTODESK_PLATFORM_TOKEN。</translation>
    </message>
    <message>
        <source>The collection platform refused the request.</source>
        <translation>采集平台拒绝了该请求。</translation>
    </message>
    <message>
        <source>The collection platform reported a server error. PhotoDesk keeps trying.</source>
        <translation>采集平台服务器出错，PhotoDesk 会继续重试。</translation>
    </message>
    <message>
        <source>The collection platform sent an unreadable answer.</source>
        <translation>采集平台返回了无法解析的应答。</translation>
    </message>
    <message>
        <source>A downloaded photo did not match its checksum or size; it was not stored.</source>
        <translation>下载的照片与校验值或大小不符，未予保存。</translation>
    </message>
    <message>
        <source>A photo on the platform is larger than allowed; it was not downloaded.</source>
        <translation>平台上的照片超过大小上限，未下载。</translation>
    </message>
    <message>
        <source>The secure connection to the collection platform could not be verified.</source>
        <translation>无法验证与采集平台的安全连接。</translation>
    </message>
    <message>
        <source>The platform already has a different decision for this submission.</source>
        <translation>平台上该提交已有不同的审核结果。</translation>
    </message>
    <message>
        <source>No SMS access key is set: put it in PHOTODESK_SMS_ACCESS_KEY_ID and PHOTODESK_SMS_ACCESS_KEY_SECRET or in the desktop keychain. No SMS is sent until then; the messages wait in the outbox.</source>
        <translation>未设置短信访问密钥：请在 PHOTODESK_SMS_ACCESS_KEY_ID 和 PHOTODESK_SMS_ACCESS_KEY_SECRET 或桌面钥匙串中提供。在此之前不会发送短信，消息保留在发件箱中。</translation>
    </message>
    <message>
        <source>The clean lane is switched off (a supervisor&apos;s setting). Review in the normal queue.</source>
        <translation>快速通道已关闭（由主管设置），请在普通队列中审核。</translation>
    </message>
    <message>
        <source>Not approved: this submission is no longer clean (its analysis changed). It is back in the normal queue.</source>
        <translation>未通过：该照片的自动检查结果已变化，不再符合快速通道条件，已退回普通队列。</translation>
    </message>
    <message>
        <source>This setting is not valid: the page size must be between 4 and 48.</source>
        <translation>设置无效：每页数量须在 4 到 48 之间。</translation>
    </message>
    <message>
        <source>The face model or the photo rules are not loaded yet; try again in a moment.</source>
        <translation>人脸模型或照片规则尚未加载完毕，请稍后再试。</translation>
    </message>
    <message>
        <source>The clean lane only approves.</source>
        <translation>快速通道只能审核通过。</translation>
    </message>
    <message>
        <source>The value is not valid for this setting.</source>
        <translation>该设置的值无效。</translation>
    </message>
    <message>
        <source>This setting is locked by the system configuration (/etc/photodesk/photodesk.conf).</source>
        <translation>该设置已被系统配置（/etc/photodesk/photodesk.conf）锁定。</translation>
    </message>
    <message>
        <source>Secrets are never written to a settings file: they go to the desktop keychain or the environment.</source>
        <translation>密钥绝不写入设置文件：请保存在桌面密钥环中或通过环境变量提供。</translation>
    </message>
    <message>
        <source>There is no such setting.</source>
        <translation>没有这个设置项。</translation>
    </message>
    <message>
        <source>The settings file cannot be written. Nothing was changed.</source>
        <translation>无法写入设置文件，未作任何更改。</translation>
    </message>
    <message>
        <source>The desktop keychain is not available here.</source>
        <translation>此处无法使用桌面密钥环。</translation>
    </message>
    <message>
        <source>A secret is not set: provide it in the desktop keychain or the environment.</source>
        <translation>密钥未设置：请保存在桌面密钥环中或通过环境变量提供。</translation>
    </message>
    <message>
        <source>The folder for the database file cannot be created or written.</source>
        <translation>无法创建或写入数据库文件所在的文件夹。</translation>
    </message>
    <message>
        <source>The SMS gateway refused the message.</source>
        <translation>短信网关拒绝了该短信。</translation>
    </message>
    <message>
        <source>The SMS gateway could not be reached or did not answer.</source>
        <translation>无法连接短信网关或网关没有应答。</translation>
    </message>
    <message>
        <source>The phone number is not a mainland mobile number (11 digits).</source>
        <translation>该号码不是中国大陆手机号（11 位）。</translation>
    </message>
    <message>
        <source>This submission has no photo.</source>
        <translation>该提交没有照片。</translation>
    </message>
    <message>
        <source>The photo file is too large to show (over 20 MB).</source>
        <translation>照片文件过大，无法显示（超过 20 MB）。</translation>
    </message>
    <message>
        <source>The destination already exists; an export never replaces files. Choose a new name.</source>
        <translation>导出位置已存在；导出从不覆盖文件，请换一个新名称。</translation>
    </message>
    <message>
        <source>The folder of the destination does not exist.</source>
        <translation>导出位置所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>No approved photo matches the selection.</source>
        <translation>没有符合所选条件的已通过照片。</translation>
    </message>
    <message>
        <source>Too many photos for one zip file; export to a folder instead.</source>
        <translation>照片太多，无法放入一个 zip 文件，请改为导出到文件夹。</translation>
    </message>
    <message>
        <source>The export could not be written (disk full or no permission?).</source>
        <translation>无法写入导出文件（磁盘已满或没有权限？）。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>PhotoOverlay</name>
    <message>
        <source>hair top</source>
        <translation>头顶</translation>
    </message>
    <message>
        <source>eye line</source>
        <translation>眼线</translation>
    </message>
    <message>
        <source>chin</source>
        <translation>下巴</translation>
    </message>
</context>
<context>
    <name>ReviewKeys</name>
    <message>
        <source>Approve the open submission (checklist ticked first)</source>
        <translation>审核通过当前照片（须先勾选确认项）</translation>
    </message>
    <message>
        <source>Reject with the checked reasons</source>
        <translation>按已勾选的原因驳回</translation>
    </message>
    <message>
        <source>Toggle a reason by its number (type two digits quickly, e.g. 1 2)</source>
        <translation>按编号勾选或取消驳回原因（两位数请快速连按，如 1 2）</translation>
    </message>
    <message>
        <source>Show or hide the rule overlay on the submitted photo</source>
        <translation>显示或隐藏提交照片上的规则标注</translation>
    </message>
    <message>
        <source>Next submission</source>
        <translation>下一份</translation>
    </message>
    <message>
        <source>Previous submission</source>
        <translation>上一份</translation>
    </message>
    <message>
        <source>Claim the next submission nobody holds</source>
        <translation>领取下一份无人审核的照片</translation>
    </message>
    <message>
        <source>Refresh the queue</source>
        <translation>刷新队列</translation>
    </message>
    <message>
        <source>Leave the note field, back to the queue</source>
        <translation>离开备注栏，回到队列</translation>
    </message>
    <message>
        <source>Open the clean lane (when a supervisor has switched it on)</source>
        <translation>打开快速通道（主管开启后可用）</translation>
    </message>
    <message>
        <source>Zoom in on the face, all three photos together (also the mouse wheel)</source>
        <translation>放大人脸，三张照片同步（也可用鼠标滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Face zoom on or off (same facial area in every photo)</source>
        <translation>人脸放大开/关（每张照片显示相同的面部区域）</translation>
    </message>
    <message>
        <source>Move the zoomed view (also dragging with the mouse)</source>
        <translation>移动放大后的画面（也可用鼠标拖动）</translation>
    </message>
    <message>
        <source>Rotate the active photo 90° to the left (display only, the file is not changed)</source>
        <translation>将当前照片向左旋转 90°（仅显示，不修改文件）</translation>
    </message>
    <message>
        <source>Rotate the active photo 90° to the right (display only)</source>
        <translation>将当前照片向右旋转 90°（仅显示）</translation>
    </message>
    <message>
        <source>Make the next photo the active one (rotation; also a click)</source>
        <translation>切换当前照片（用于旋转；也可单击照片）</translation>
    </message>
    <message>
        <source>Loupe on or off (follows the mouse)</source>
        <translation>放大镜开/关（跟随鼠标）</translation>
    </message>
    <message>
        <source>Loupe on the eyes</source>
        <translation>放大镜对准双眼</translation>
    </message>
    <message>
        <source>Loupe on the mouth</source>
        <translation>放大镜对准嘴部</translation>
    </message>
    <message>
        <source>Loupe on the ears (press again for the other ear)</source>
        <translation>放大镜对准耳朵（再按一次换另一侧）</translation>
    </message>
    <message>
        <source>Blink: alternate the submitted and the enrollment face, aligned on the eyes</source>
        <translation>闪烁对比：按双眼对齐，交替显示提交照片与录取照片的人脸</translation>
    </message>
    <message>
        <source>Whole photos again: no zoom, rotation, loupe or blink</source>
        <translation>恢复整张照片：取消放大、旋转、放大镜和闪烁</translation>
    </message>
    <message>
        <source>Full-screen comparison on or off (Esc leaves it)</source>
        <translation>全屏比对开/关（Esc 退出）</translation>
    </message>
    <message>
        <source>Move between the tiles</source>
        <translation>在照片卡片之间移动</translation>
    </message>
    <message>
        <source>Select or deselect the tile (also a click)</source>
        <translation>选中或取消选中卡片（也可单击）</translation>
    </message>
    <message>
        <source>Select every tile</source>
        <translation>全部选中</translation>
    </message>
    <message>
        <source>Deselect every tile</source>
        <translation>全部取消选中</translation>
    </message>
    <message>
        <source>Approve the selected tiles (after a confirmation with their number)</source>
        <translation>通过已选中的照片（先确认数量）</translation>
    </message>
    <message>
        <source>Next page: the tiles not approved go back to the normal queue</source>
        <translation>下一页：未通过的照片退回普通队列</translation>
    </message>
    <message>
        <source>Back to the review workspace</source>
        <translation>返回审核工作区</translation>
    </message>
    <message>
        <source>This list of keys</source>
        <translation>显示本快捷键列表</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Quit PhotoDesk</source>
        <translation>退出 PhotoDesk</translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation>审核决定</translation>
    </message>
    <message>
        <source>Moving through the queue</source>
        <translation>浏览队列</translation>
    </message>
    <message>
        <source>Comparing the photos</source>
        <translation>照片比对</translation>
    </message>
    <message>
        <source>Clean lane</source>
        <translation>快速通道</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PhotoDesk</source>
        <translation>PhotoDesk 照片审核台</translation>
    </message>
    <message>
        <source>The demo data could not be created: %1</source>
        <translation>无法创建演示数据：%1</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>Some secrets could not be stored in the desktop keychain:
%1</source>
        <translation>部分密钥无法保存到桌面密钥环：
%1</translation>
    </message>
</context>
<context>
    <name>pd::AboutDialog</name>
    <message>
        <source>About PhotoDesk</source>
        <translation>关于 PhotoDesk</translation>
    </message>
    <message>
        <source>PhotoDesk</source>
        <translation>PhotoDesk 照片审核台</translation>
    </message>
    <message>
        <source>Review workstation for graduation ID photos: compare the submitted photo with the enrollment and ID-card photos, approve or reject with reasons from the school&apos;s rules.</source>
        <translation>毕业生图像审核工作台：将学生提交的照片与录取照片、身份证照片比对，依据学校的照片规范通过或退回。</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Build:</source>
        <translation>构建标识：</translation>
    </message>
    <message>
        <source>Commit:</source>
        <translation>提交：</translation>
    </message>
    <message>
        <source>Libraries:</source>
        <translation>运行库：</translation>
    </message>
    <message>
        <source>BLAS:</source>
        <translation>BLAS：</translation>
    </message>
    <message>
        <source>Face model:</source>
        <translation>人脸模型：</translation>
    </message>
    <message>
        <source>Landmark model:</source>
        <translation>关键点模型：</translation>
    </message>
    <message>
        <source>Folders:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2), OpenCV %3, dlib %4</source>
        <translation>Qt %1（编译时 %2），OpenCV %3，dlib %4</translation>
    </message>
    <message>
        <source>reference BLAS — face comparison is slow (install libopenblas0-pthread)</source>
        <translation>参考 BLAS — 人脸比对较慢（请安装 libopenblas0-pthread）</translation>
    </message>
    <message>
        <source>✗ missing</source>
        <translation>✗ 缺失</translation>
    </message>
    <message>
        <source>✓ checksum verified, SHA-256 %1</source>
        <translation>✓ 校验通过，SHA-256 %1</translation>
    </message>
    <message>
        <source>✗ does not match its checksum (SHA-256 %1): reinstall PhotoDesk</source>
        <translation>✗ 与校验值不符（SHA-256 %1）：请重新安装 PhotoDesk</translation>
    </message>
    <message>
        <source>SHA-256 %1 (no checksum file to compare with)</source>
        <translation>SHA-256 %1（无校验文件可比对）</translation>
    </message>
    <message>
        <source>✗ cannot be read</source>
        <translation>✗ 无法读取</translation>
    </message>
    <message>
        <source>program data %1
your data %2
logs %3</source>
        <translation>程序数据 %1
您的数据 %2
日志 %3</translation>
    </message>
</context>
<context>
    <name>pd::AccountModel</name>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>pd::AccountPage</name>
    <message>
        <source>New account:</source>
        <translation>新建账户：</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>重置密码(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Initial password for %1: &lt;b&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/b&gt; — hand it over now; it is not shown again and must be changed at the first login.</source>
        <translation>%1 的初始密码：&lt;b&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/b&gt; —— 请立即交给本人；此密码不会再次显示，首次登录时必须修改。</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>已创建账户 %1。</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>已停用账户 %1。</translation>
    </message>
    <message>
        <source>Account %1 enabled.</source>
        <translation>已启用账户 %1。</translation>
    </message>
</context>
<context>
    <name>pd::AuditLogModel</name>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>拒绝登录</translation>
    </message>
    <message>
        <source>Decision: approve</source>
        <translation>审核：通过</translation>
    </message>
    <message>
        <source>Decision: reject</source>
        <translation>审核：驳回</translation>
    </message>
    <message>
        <source>Second review: sampled</source>
        <translation>复核：抽样</translation>
    </message>
    <message>
        <source>Second review: confirmed</source>
        <translation>复核：维持</translation>
    </message>
    <message>
        <source>Second review: overturned</source>
        <translation>复核：改判</translation>
    </message>
    <message>
        <source>SMS resent</source>
        <translation>重发短信</translation>
    </message>
    <message>
        <source>Call note</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <source>Personal data shown</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>Setting back to default</source>
        <translation>设置恢复默认</translation>
    </message>
    <message>
        <source>Secret changed</source>
        <translation>密钥已更改</translation>
    </message>
</context>
<context>
    <name>pd::AuditLogPage</name>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Student no.:</source>
        <translation>学号：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>校验审计链(&amp;V)</translation>
    </message>
    <message>
        <source>(all users)</source>
        <translation>（全部用户）</translation>
    </message>
    <message>
        <source>(all actions)</source>
        <translation>（全部操作）</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) loaded, counting…</source>
        <translation>
            <numerusform>已加载 %n 条，正在计数…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing from event %1 downwards; %n event(s) in the log</source>
        <translation>
            <numerusform>从第 %1 条起向前显示；日志共 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s) loaded</source>
        <translation>
            <numerusform>已加载 %1 / %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an event to see its details.&lt;/p&gt;</source>
        <translation>&lt;p&gt;选择一条事件以查看详情。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>前一条哈希</translation>
    </message>
    <message>
        <source>This event was changed after it was written.</source>
        <translation>该事件写入后被修改。</translation>
    </message>
    <message>
        <source>The event before this one was deleted, inserted or moved.</source>
        <translation>该事件之前的事件被删除、插入或移动。</translation>
    </message>
    <message>
        <source>Events %1 to %2 before this one are missing (deleted).</source>
        <translation>该事件之前的第 %1 至 %2 条事件缺失（已被删除）。</translation>
    </message>
    <message>
        <source>Event %1, the newest at the checkpoint of %2, is missing.</source>
        <translation>%2 检查点时的最新事件（第 %1 条）缺失。</translation>
    </message>
    <message>
        <source>This event does not match the checkpoint of %1.</source>
        <translation>该事件与 %1 的检查点不符。</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message numerus="yes">
        <source>Audit chain intact (%n event(s))</source>
        <translation>
            <numerusform>审计链完整 (%n 条)</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit chain broken at event %1: %2</source>
        <translation>审计链在第 %1 条事件处断开：%2</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 条事件到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::CleanLaneDelegate</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>录取照片</translation>
    </message>
    <message>
        <source>Faces match</source>
        <translation>人脸一致</translation>
    </message>
    <message>
        <source>Every rule passed</source>
        <translation>规则全部通过</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>请注意：%1</translation>
    </message>
    <message>
        <source>Deselected: back to the normal queue</source>
        <translation>已取消选中：退回普通队列</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>正在通过…</translation>
    </message>
</context>
<context>
    <name>pd::CleanLanePage</name>
    <message>
        <source>Clean lane</source>
        <translation>快速通道</translation>
    </message>
    <message>
        <source>Submissions whose photo rules all passed (warnings are marked) and whose face matches the enrollment and the ID-card photo. Look at each photo — headwear, jewellery and any warning are yours to judge — and deselect anything doubtful (click, or arrows and Space): it goes back to the normal queue. Each approval is its own decision with its own audit entry and SMS.</source>
        <translation>照片规则全部通过（需注意的项目已标出）、且与录取照片和身份证照片人脸一致的照片。请逐张查看——头部覆盖物、饰品及标出的注意项由您判断——有疑问的请取消选中（单击，或方向键加空格），它将退回普通队列。每张照片都单独作出审核决定，各有审计记录和短信。</translation>
    </message>
    <message>
        <source>Next page (Ctrl+N)</source>
        <translation>下一页 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2 selected</source>
        <translation>已选 %1 / %2</translation>
    </message>
    <message>
        <source>Approve selected (%1) · Ctrl+Enter</source>
        <translation>通过已选（%1）· Ctrl+Enter</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n submission(s)</source>
        <translation>
            <numerusform>通过 %n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve %n selected submission(s)? Each is decided on its own: its own decision, audit entry and SMS. By approving you confirm for each photo that there is no headwear or jewellery and that the marked warnings are acceptable. The %1 deselected go back to the normal queue.</source>
        <translation>
            <numerusform>确定通过已选中的 %n 份照片吗？每份单独决定：各有审核决定、审计记录和短信。通过即表示您已确认每张照片均无头部覆盖物和饰品，且标出的注意项可以接受。未选中的 %1 份退回普通队列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the face model and the photo rules to load…</source>
        <translation>正在等待人脸模型和照片规则加载…</translation>
    </message>
    <message>
        <source>Looking for clean submissions…</source>
        <translation>正在查找可快速通过的照片…</translation>
    </message>
    <message numerus="yes">
        <source>No clean submission is free right now (%n held by other desks).</source>
        <translation>
            <numerusform>目前没有可领取的快速通道照片（%n 份正由其他审核台处理）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No clean submission is waiting. The others need a look in the normal queue.</source>
        <translation>没有待审的快速通道照片，其余照片请在普通队列中审核。</translation>
    </message>
    <message numerus="yes">
        <source>%n clean submission(s), most urgent first. Deselect anything doubtful, then approve.</source>
        <translation>
            <numerusform>%n 份符合快速通道条件的照片，最紧急的在前。请取消选中有疑问的照片，然后通过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n not pre-screened yet, not shown.)</source>
        <translation>
            <numerusform>（另有 %n 份尚未预审，未显示。）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is selected.</source>
        <translation>没有选中任何照片。</translation>
    </message>
    <message>
        <source>Back in the normal queue</source>
        <translation>已退回普通队列</translation>
    </message>
    <message numerus="yes">
        <source>Approved %n submission(s); their SMS are queued.</source>
        <translation>
            <numerusform>已通过 %n 份，短信已排队发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved %1, not approved %2 (see the tiles). Ctrl+N for the next page.</source>
        <translation>已通过 %1 份，%2 份未通过（见卡片）。按 Ctrl+N 进入下一页。</translation>
    </message>
    <message>
        <source>Approving %1 of %2…</source>
        <translation>正在通过第 %1 / %2 份…</translation>
    </message>
    <message>
        <source>Approved, SMS queued</source>
        <translation>已通过，短信已排队</translation>
    </message>
</context>
<context>
    <name>pd::CleanLaneSettingsPage</name>
    <message>
        <source>The clean lane lets reviewers approve, from a grid, submissions whose photo rules all passed (warnings are shown) and whose face matches both the enrollment and the ID-card photo. Each approval stays an individual decision with its own audit entry and SMS, and second review samples them like any other. The setting applies to every desk; changes are recorded in the audit log.</source>
        <translation>快速通道让审核员在网格中批量查看并通过照片规则全部通过（注意项会标出）、且与录取照片和身份证照片人脸一致的照片。每次通过仍是单独的审核决定，各有审计记录和短信，二次复核同样会抽查。此设置对所有审核台生效，修改会记入审计日志。</translation>
    </message>
    <message>
        <source>&amp;Clean lane available to reviewers</source>
        <translation>审核员可使用快速通道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Submissions per page:</source>
        <translation>每页照片数(&amp;S)：</translation>
    </message>
    <message>
        <source>Save clean-lane setting</source>
        <translation>保存快速通道设置</translation>
    </message>
    <message numerus="yes">
        <source>In force: on, %n per page</source>
        <translation>
            <numerusform>当前：已开启，每页 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>In force: off</source>
        <translation>当前：已关闭</translation>
    </message>
    <message>
        <source>Clean-lane setting saved.</source>
        <translation>快速通道设置已保存。</translation>
    </message>
</context>
<context>
    <name>pd::CompareController</name>
    <message>
        <source>Blink needs a face with eyes in the submitted and the enrollment photo.</source>
        <translation>闪烁对比需要提交照片和录取照片中都检测到人脸和双眼。</translation>
    </message>
</context>
<context>
    <name>pd::CompareLayer</name>
    <message>
        <source>Blink: no eyes to align</source>
        <translation>闪烁：无法按双眼对齐</translation>
    </message>
    <message>
        <source>Blink: enrollment</source>
        <translation>闪烁：录取照片</translation>
    </message>
    <message>
        <source>Blink: submitted</source>
        <translation>闪烁：提交照片</translation>
    </message>
</context>
<context>
    <name>pd::CompareWindow</name>
    <message>
        <source>PhotoDesk — comparison (Esc leaves)</source>
        <translation>PhotoDesk — 照片比对（Esc 退出）</translation>
    </message>
    <message>
        <source>Submitted photo</source>
        <translation>提交照片</translation>
    </message>
    <message>
        <source>Enrollment photo</source>
        <translation>录取照片</translation>
    </message>
    <message>
        <source>ID-card photo</source>
        <translation>身份证照片</translation>
    </message>
</context>
<context>
    <name>pd::DashboardPage</name>
    <message>
        <source>&amp;Period:</source>
        <translation>时段(&amp;P)：</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>%1 decisions · approval rate %2% · SLA compliance %3% · %4 pending overdue</source>
        <translation>审核 %1 份 · 通过率 %2% · 按时率 %3% · 超时待审 %4 份</translation>
    </message>
    <message>
        <source>Decisions per hour of the day, per reviewer</source>
        <translation>各审核员每小时审核量（按时段）</translation>
    </message>
    <message>
        <source>Approved and rejected per reviewer (approval rate)</source>
        <translation>各审核员通过与驳回（通过率）</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>SLA: decided within 48 h of payment (%1%)</source>
        <translation>时效：缴费后 48 小时内完成审核（%1%）</translation>
    </message>
    <message>
        <source>In time: %1</source>
        <translation>按时：%1</translation>
    </message>
    <message>
        <source>Late: %1</source>
        <translation>超时：%1</translation>
    </message>
    <message>
        <source>No decisions</source>
        <translation>暂无审核</translation>
    </message>
    <message>
        <source>Pending queue by time since payment (%1 overdue, %2 due within 6 h)</source>
        <translation>待审队列按缴费后时长（超时 %1 份，6 小时内到期 %2 份）</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>12–24 h</source>
        <translation>12–24 小时</translation>
    </message>
    <message>
        <source>24–36 h</source>
        <translation>24–36 小时</translation>
    </message>
    <message>
        <source>36–48 h</source>
        <translation>36–48 小时</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>0–12 h</source>
        <translation>0–12 小时</translation>
    </message>
    <message>
        <source>Reviewers and automated rules, per rule (decisions with a rules report):</source>
        <translation>审核员与自动规则的一致性（按规则，仅统计有规则报告的决定）：</translation>
    </message>
</context>
<context>
    <name>pd::DecisionPanel</name>
    <message>
        <source>The student reads: %1</source>
        <translation>学生收到的说明：%1</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>正在保存审核结果…</translation>
    </message>
    <message>
        <source>Choose at least one reason to reject.</source>
        <translation>驳回前请至少选择一个原因。</translation>
    </message>
    <message>
        <source>SMS if approved</source>
        <translation>短信预览（通过）</translation>
    </message>
    <message>
        <source>SMS if rejected</source>
        <translation>短信预览（驳回）</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s)</source>
        <translation>
            <numerusform>%n 条短信</numerusform>
        </translation>
    </message>
    <message>
        <source>too long: %1</source>
        <translation>过长：%1</translation>
    </message>
    <message>
        <source>Rejection reasons (type the number to toggle)</source>
        <translation>驳回原因（输入编号即可勾选）</translation>
    </message>
    <message>
        <source>Note (optional, kept with the decision)</source>
        <translation>备注（选填，随审核结果保存）</translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation>通过 (A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>驳回 (R)</translation>
    </message>
    <message>
        <source>Tick the checklist items first: only a person can judge them.</source>
        <translation>请先勾选核对项：这些只能由人工判断。</translation>
    </message>
    <message>
        <source>Confirm before approving</source>
        <translation>通过前请确认</translation>
    </message>
    <message>
        <source>No reason checked</source>
        <translation>未勾选原因</translation>
    </message>
    <message>
        <source>Checked: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message>
        <source>Note (optional): for colleagues and the record; not sent to the student</source>
        <translation>备注（选填）：供同事查阅和存档，不会发送给学生</translation>
    </message>
</context>
<context>
    <name>pd::DiagnosticsExporter</name>
    <message>
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Collecting diagnostics (versions, settings, logs, database check)…</source>
        <translation>正在收集诊断信息（版本、设置、日志、数据库检查）…</translation>
    </message>
    <message>
        <source>The diagnostics were saved to %1 (%2). Send this file to your school&apos;s IT staff; it holds no photos, passwords or unmasked personal numbers.</source>
        <translation>诊断信息已保存到 %1（%2）。请将此文件发送给学校信息中心；文件中不含照片、密码或未打码的个人号码。</translation>
    </message>
    <message>
        <source>The diagnostics could not be saved to %1.</source>
        <translation>诊断信息无法保存到 %1。</translation>
    </message>
</context>
<context>
    <name>pd::ExportLeftOutModel</name>
    <message>
        <source>No approved photo yet</source>
        <translation>尚无审核通过的照片</translation>
    </message>
    <message>
        <source>Older approval (a later one is exported)</source>
        <translation>较早的通过（已导出更新的一张）</translation>
    </message>
    <message>
        <source>Photo missing</source>
        <translation>照片缺失</translation>
    </message>
    <message>
        <source>Photo damaged or unreadable</source>
        <translation>照片已损坏或无法读取</translation>
    </message>
    <message>
        <source>Cannot be brought into the national format</source>
        <translation>无法转换为国家标准格式</translation>
    </message>
    <message>
        <source>Same file name as another student</source>
        <translation>与其他学生的文件名相同</translation>
    </message>
    <message>
        <source>No ID-card or student number on record</source>
        <translation>没有登记身份证号或学号</translation>
    </message>
    <message>
        <source>ID-card or student number not well-formed</source>
        <translation>身份证号或学号格式不正确</translation>
    </message>
    <message>
        <source>Newest submission still pending</source>
        <translation>最近一次提交仍待审核</translation>
    </message>
    <message>
        <source>Newest submission rejected</source>
        <translation>最近一次提交已被驳回</translation>
    </message>
    <message>
        <source>Submission %1 is exported instead</source>
        <translation>已改为导出提交 %1</translation>
    </message>
    <message>
        <source>Same key as student %1</source>
        <translation>与学生 %1 的文件名相同</translation>
    </message>
    <message>
        <source>No submitted photo on record</source>
        <translation>没有提交照片的记录</translation>
    </message>
    <message>
        <source>File name key</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Why left out</source>
        <translation>未导出原因</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>pd::ExportPage</name>
    <message>
        <source>Export the approved portraits for the national graduate-registration upload: one JPEG per student in the national format (480 × 640, 24-bit colour, quality at least 60), named by the chosen key, with a manifest and the list of what was left out. Photos that do not meet the format are re-encoded and marked as such. Personal data leaves PhotoDesk: every export is recorded in the audit log.</source>
        <translation>导出审核通过的照片，用于学信网毕业生图像上报：每位学生一张符合国家标准格式的 JPEG（480 × 640，24 位色，质量不低于 60），按所选方式命名，附清单和未导出名单。不符合格式的照片会重新编码并在清单中注明。个人信息将离开 PhotoDesk：每次导出均记入审计日志。</translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation>届别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Major:</source>
        <translation>专业(&amp;M)：</translation>
    </message>
    <message>
        <source>Decided &amp;from</source>
        <translation>审核日期从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;until</source>
        <translation>至(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Which photos:</source>
        <translation>导出范围(&amp;W)：</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>文件命名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>导出位置(&amp;D)：</translation>
    </message>
    <message>
        <source>A new folder, or a new file ending in .zip</source>
        <translation>新文件夹，或以 .zip 结尾的新文件</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Zip file…</source>
        <translation>Zip 文件…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>All approved</source>
        <translation>全部已通过</translation>
    </message>
    <message>
        <source>Not yet exported</source>
        <translation>尚未导出</translation>
    </message>
    <message>
        <source>Exported before</source>
        <translation>曾导出过</translation>
    </message>
    <message>
        <source>ID-card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>全部届别</translation>
    </message>
    <message>
        <source>Unknown cohort</source>
        <translation>未知届别</translation>
    </message>
    <message>
        <source>All majors</source>
        <translation>全部专业</translation>
    </message>
    <message>
        <source>No major on record</source>
        <translation>未登记专业</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) to export</source>
        <translation>
            <numerusform>将导出 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out</source>
        <translation>
            <numerusform>%n 项不导出</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder in which the export folder is created</source>
        <translation>选择在其中创建导出文件夹的位置</translation>
    </message>
    <message>
        <source>Export to a zip file</source>
        <translation>导出为 zip 文件</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Choose a destination first: a new folder or a new .zip file.</source>
        <translation>请先选择导出位置：新文件夹或新的 .zip 文件。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written and no photo is marked as exported.</source>
        <translation>导出已取消。未写入任何文件，也没有照片被标记为已导出。</translation>
    </message>
    <message>
        <source>The export did not finish: %1 Nothing was left behind.</source>
        <translation>导出未完成：%1 未留下任何文件。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n photo(s)</source>
        <translation>
            <numerusform>已导出 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n re-encoded)</source>
        <translation>
            <numerusform>（其中 %n 张重新编码）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>to %1. %n left out, listed below and in left-out.csv.</source>
        <translation>
            <numerusform>至 %1。%n 项未导出，见下表及 left-out.csv。</numerusform>
        </translation>
    </message>
    <message>
        <source>Manifest SHA-256: %1</source>
        <translation>清单 SHA-256：%1</translation>
    </message>
    <message numerus="yes">
        <source>Export finished: %n photo(s).</source>
        <translation>
            <numerusform>导出完成：%n 张照片。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::FaceMatchPanel</name>
    <message>
        <source>No reference photo</source>
        <translation>无参考照片</translation>
    </message>
    <message>
        <source>No face found</source>
        <translation>未检测到人脸</translation>
    </message>
    <message>
        <source>Photo cannot be read</source>
        <translation>照片无法读取</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>未比对</translation>
    </message>
    <message>
        <source>Photo cannot be analysed (%1)</source>
        <translation>照片无法分析（%1）</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <source>The face pre-screen has not reached this submission yet; it is being analysed now.</source>
        <translation>预审尚未处理到这份提交，正在即时分析。</translation>
    </message>
    <message>
        <source>Face comparison is being computed in the background.</source>
        <translation>人脸比对正在后台计算。</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Face comparison is unavailable: %1</source>
        <translation>人脸比对不可用：%1</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>No face chip</source>
        <translation>无人脸截图</translation>
    </message>
    <message>
        <source>No comparison: %1.</source>
        <translation>无法比对：%1。</translation>
    </message>
    <message>
        <source>Bands: match ≤ %1, mismatch ≥ %2 (Euclidean distance of dlib face descriptors).</source>
        <translation>区间：距离 ≤ %1 为一致，≥ %2 为不一致（dlib 人脸特征向量的欧氏距离）。</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>✓ Match  %1</source>
        <translation>✓ 一致  %1</translation>
    </message>
    <message>
        <source>Distance %1: same person by the face descriptor.</source>
        <translation>距离 %1：按人脸特征判断为同一人。</translation>
    </message>
    <message>
        <source>The descriptor cannot rule out a close relative or a twin; check the student&apos;s details when in doubt.</source>
        <translation>人脸特征无法排除近亲或双胞胎；如有疑问请核对学生信息。</translation>
    </message>
    <message>
        <source>? Uncertain  %1</source>
        <translation>? 待定  %1</translation>
    </message>
    <message>
        <source>Distance %1: neither clearly the same nor clearly another person; compare the photos yourself.</source>
        <translation>距离 %1：既不能确定是同一人，也不能确定是他人；请人工比对照片。</translation>
    </message>
    <message>
        <source>✗ Mismatch  %1</source>
        <translation>✗ 不一致  %1</translation>
    </message>
    <message>
        <source>Distance %1: very likely a different person. The national system checks this too and blocks the registration.</source>
        <translation>距离 %1：很可能不是同一人。学信网也会比对，不一致将导致无法注册学历。</translation>
    </message>
    <message>
        <source>Automatic pre-screen; the decision stays with the reviewer.</source>
        <translation>自动预审结果，最终由审核员决定。</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交照片</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>录取照片</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>身份证照片</translation>
    </message>
    <message>
        <source>Enrollment photo check</source>
        <translation>录取照片比对</translation>
    </message>
    <message>
        <source>ID-card check</source>
        <translation>身份证比对</translation>
    </message>
    <message numerus="yes">
        <source>%n faces in the photo; the largest is compared.</source>
        <translation>
            <numerusform>照片中有 %n 张人脸，比对最大的一张。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::FaceMatchProgressLabel</name>
    <message>
        <source>Pre-screen unavailable</source>
        <translation>预审不可用</translation>
    </message>
    <message>
        <source>Pre-screen done %1/%2</source>
        <translation>预审完成 %1/%2</translation>
    </message>
    <message>
        <source>Pre-screen up to date</source>
        <translation>预审已完成</translation>
    </message>
    <message>
        <source>Pre-screen %1/%2</source>
        <translation>预审 %1/%2</translation>
    </message>
    <message>
        <source>Pre-screen unavailable: invalid photo-rule configuration</source>
        <translation>预审不可用：照片规则配置无效</translation>
    </message>
</context>
<context>
    <name>pd::FirstRunWizard</name>
    <message>
        <source>PhotoDesk set-up</source>
        <translation>PhotoDesk 设置向导</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Where this desk keeps submissions, decisions and the audit log.</source>
        <translation>本工作站保存提交、审核结果和审计日志的位置。</translation>
    </message>
    <message>
        <source>A single desk keeps everything in one file on this computer. Several desks that share one queue use the school&apos;s PostgreSQL server.</source>
        <translation>单台工作站把所有数据保存在本机的一个文件中；多台工作站共用一个审核队列时，使用学校的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>Embedded: a SQLite file on this computer</source>
        <translation>本机：本电脑上的 SQLite 文件</translation>
    </message>
    <message>
        <source>Team: the school&apos;s PostgreSQL server, shared by every desk</source>
        <translation>团队：学校的 PostgreSQL 服务器，所有工作站共用</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>kept in the desktop keychain, never in a file</source>
        <translation>保存在桌面密钥环中，绝不写入文件</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>The school&apos;s name and the signature every SMS to students starts with.</source>
        <translation>学校名称，以及发给学生的每条短信开头的签名。</translation>
    </message>
    <message>
        <source>The SMS signature must be the one registered with the SMS provider, without the 【】 brackets (PhotoDesk adds them). Left empty, the signature of the SMS templates is used.</source>
        <translation>短信签名必须与在短信服务商处报备的签名一致，不含【】（PhotoDesk 会自动加上）。留空则使用短信模板中的签名。</translation>
    </message>
    <message>
        <source>School name:</source>
        <translation>学校名称：</translation>
    </message>
    <message>
        <source>SMS signature:</source>
        <translation>短信签名：</translation>
    </message>
    <message>
        <source>Collection platform</source>
        <translation>采集平台</translation>
    </message>
    <message>
        <source>Where submissions come from and decisions go to. Leave the address empty to work without it.</source>
        <translation>提交从这里同步，审核结果发送到这里。地址留空则不连接平台。</translation>
    </message>
    <message>
        <source>The test lists the first page of pending submissions with this token.</source>
        <translation>测试会用此令牌读取待审核提交的第一页。</translation>
    </message>
    <message>
        <source>Platform address:</source>
        <translation>平台地址：</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>访问令牌：</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>The gateway that tells students about decisions.</source>
        <translation>向学生发送审核结果通知的短信网关。</translation>
    </message>
    <message>
        <source>The test sends one signed message to the number you enter, through the same code that sends the students&apos; messages.</source>
        <translation>测试会通过与发送学生短信相同的代码，向您输入的号码发送一条带签名的短信。</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <source>Gateway URL:</source>
        <translation>网关地址：</translation>
    </message>
    <message>
        <source>empty: the provider&apos;s public address</source>
        <translation>留空：使用服务商的公共地址</translation>
    </message>
    <message>
        <source>Access key id:</source>
        <translation>AccessKey ID：</translation>
    </message>
    <message>
        <source>Access key secret:</source>
        <translation>AccessKey Secret：</translation>
    </message>
    <message>
        <source>Test number:</source>
        <translation>测试手机号：</translation>
    </message>
    <message>
        <source>Send test message</source>
        <translation>发送测试短信</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Saved for this desk&apos;s user; each change is recorded in the audit log.</source>
        <translation>保存为本工作站当前用户的设置；每项更改都会记入审计日志。</translation>
    </message>
    <message>
        <source>Locked by the system configuration %1</source>
        <translation>已被系统配置 %1 锁定</translation>
    </message>
    <message>
        <source>Zhang San</source>
        <translation>张三</translation>
    </message>
    <message numerus="yes">
        <source>Example SMS (%n character(s)):</source>
        <translation>
            <numerusform>短信示例（%n 个字）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the server URL.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The folder for the database file cannot be created or written.</source>
        <translation>无法创建或写入数据库文件所在的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>The file does not exist yet: PhotoDesk creates it at the first start (%n migration(s)).</source>
        <translation>
            <numerusform>文件尚不存在：PhotoDesk 将在首次启动时创建（%n 个迁移）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to %1. Schema version %2: up to date.</source>
        <translation>已连接 %1。数据库结构版本 %2：已是最新。</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1. Schema version %2 of %3: %n migration(s) will be applied at the first start.</source>
        <translation>
            <numerusform>已连接 %1。数据库结构版本 %2（最新为 %3）：首次启动时将执行 %n 个迁移。</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>正在询问平台…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n submission(s) waiting on the platform (answered in %1 ms).</source>
        <translation>
            <numerusform>连接成功：平台上有 %n 份提交待审核（%1 毫秒内应答）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected (answered in %1 ms).</source>
        <translation>连接成功（%1 毫秒内应答）。</translation>
    </message>
    <message>
        <source>The platform refused the access token (HTTP 401/403). Check the token.</source>
        <translation>平台拒绝了访问令牌（HTTP 401/403），请检查令牌。</translation>
    </message>
    <message>
        <source>The platform did not answer within %1 seconds.</source>
        <translation>平台在 %1 秒内没有应答。</translation>
    </message>
    <message>
        <source>The secure connection (TLS) could not be established or verified. Check the address (https), the certificate and the campus CA.</source>
        <translation>无法建立或验证安全连接（TLS）。请检查地址（https）、证书和校园 CA。</translation>
    </message>
    <message>
        <source>The platform cannot be reached at this address.</source>
        <translation>无法通过此地址连接到平台。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Sent: the gateway accepted the signed test message (id %1).</source>
        <translation>已发送：网关已接收带签名的测试短信（编号 %1）。</translation>
    </message>
    <message>
        <source>Enter a mainland mobile number (11 digits).</source>
        <translation>请输入中国大陆手机号（11 位）。</translation>
    </message>
    <message>
        <source>Enter the access key id and secret (or provide them in the environment or the keychain).</source>
        <translation>请输入 AccessKey ID 和 Secret（或通过环境变量、密钥环提供）。</translation>
    </message>
    <message>
        <source>The SMS gateway refused the message (access key, signature or template):</source>
        <translation>短信网关拒绝了该短信（AccessKey、签名或模板有误）：</translation>
    </message>
    <message>
        <source>The SMS gateway could not be reached or did not answer:</source>
        <translation>无法连接短信网关或网关没有应答：</translation>
    </message>
    <message>
        <source>(entered; stored in the desktop keychain)</source>
        <translation>（已输入；保存在桌面密钥环中）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>%1 — locked by the system configuration</source>
        <translation>%1 — 已被系统配置锁定</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>设置文件：%1</translation>
    </message>
    <message>
        <source>This session has no desktop keychain: secrets entered here cannot be stored. Provide them in the environment instead (PHOTODESK_DB_PASSWORD, PHOTODESK_PLATFORM_TOKEN, PHOTODESK_SMS_ACCESS_KEY_ID / _SECRET).</source>
        <translation>当前会话没有桌面密钥环：此处输入的密钥无法保存。请改用环境变量提供（PHOTODESK_DB_PASSWORD、PHOTODESK_PLATFORM_TOKEN、PHOTODESK_SMS_ACCESS_KEY_ID / _SECRET）。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>pd::HotlineWorkspace</name>
    <message>
        <source>&lt;h3&gt;Collection instructions&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Review time:&lt;/b&gt; every paid submission is reviewed within 48 hours of payment; the student gets the result by SMS.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Hotline hours:&lt;/b&gt; Tuesday to Sunday, 9:30–12:00 and 13:00–17:00. Closed on Mondays.&lt;/p&gt;&lt;p&gt;&lt;b&gt;After a rejection:&lt;/b&gt; the student collects a new photo in the same mini-program, following the reasons in the SMS. The new photo is a new submission with its own 48 hours.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Personal data:&lt;/b&gt; ID numbers and phone numbers are masked. Reveal them only when the caller&apos;s identity is confirmed; every reveal is recorded.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;采集须知&lt;/h3&gt;&lt;p&gt;&lt;b&gt;审核时限：&lt;/b&gt;每份已缴费的提交在缴费后 48 小时内完成审核，结果以短信通知学生。&lt;/p&gt;&lt;p&gt;&lt;b&gt;客服电话服务时间：&lt;/b&gt;周二至周日 9:30–12:00、13:00–17:00，周一休息。&lt;/p&gt;&lt;p&gt;&lt;b&gt;未通过后：&lt;/b&gt;学生按短信中的原因，在原小程序重新采集；新照片是一份新的提交，重新计算 48 小时。&lt;/p&gt;&lt;p&gt;&lt;b&gt;个人信息：&lt;/b&gt;身份证号与手机号均已脱敏。仅在确认来电者身份后查看完整信息；每次查看都会记录。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Find a student:</source>
        <translation>查找学生(&amp;F)：</translation>
    </message>
    <message>
        <source>Name, student no., phone or last digits of the ID number</source>
        <translation>姓名、学号、手机号或身份证号后几位</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Show &amp;phone</source>
        <translation>查看手机号(&amp;P)</translation>
    </message>
    <message>
        <source>Show &amp;ID number</source>
        <translation>查看身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Resend last SMS</source>
        <translation>重发最近短信(&amp;R)</translation>
    </message>
    <message>
        <source>Call &amp;note:</source>
        <translation>通话记录(&amp;N)：</translation>
    </message>
    <message>
        <source>What the caller asked and what you told them</source>
        <translation>来电咨询内容及答复</translation>
    </message>
    <message>
        <source>&amp;Add call note</source>
        <translation>添加通话记录(&amp;A)</translation>
    </message>
    <message>
        <source>Only supervisors and administrators may see full ID numbers.</source>
        <translation>仅主管和管理员可查看完整身份证号。</translation>
    </message>
    <message>
        <source>Search for a student and select them to see their history.</source>
        <translation>搜索并选择学生以查看其记录。</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:15px&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; %3&lt;br&gt;ID number: &lt;tt&gt;%4&lt;/tt&gt; &amp;nbsp; Phone: &lt;tt&gt;%5&lt;/tt&gt;</source>
        <translation>&lt;b style=&apos;font-size:15px&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; %3&lt;br&gt;身份证号：&lt;tt&gt;%4&lt;/tt&gt; &amp;nbsp; 手机号：&lt;tt&gt;%5&lt;/tt&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) found</source>
        <translation>
            <numerusform>找到 %n 名学生</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown in full; this has been recorded in the audit log.</source>
        <translation>已显示完整信息；此操作已记入审计日志。</translation>
    </message>
    <message>
        <source>This student has no SMS to resend yet.</source>
        <translation>该学生尚无可重发的短信。</translation>
    </message>
    <message>
        <source>The last SMS was queued again (message %1).</source>
        <translation>最近一条短信已重新排队发送（消息 %1）。</translation>
    </message>
    <message>
        <source>Call note saved.</source>
        <translation>通话记录已保存。</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>客服热线</translation>
    </message>
    <message>
        <source>&amp;View submitted photo</source>
        <translation>查看提交的照片(&amp;V)</translation>
    </message>
    <message>
        <source>The photo of the selected submission as the student sent it, with the rule flags and the SMS; read-only, and recorded in the audit log</source>
        <translation>所选提交中学生上传的照片，附规则检查结果和短信；只读，查看会记入审计日志</translation>
    </message>
    <message>
        <source>Submitted photo shown; this has been recorded in the audit log.</source>
        <translation>已显示提交的照片；此操作已记入审计日志。</translation>
    </message>
</context>
<context>
    <name>pd::LoginDialog</name>
    <message>
        <source>PhotoDesk — Sign in</source>
        <translation>PhotoDesk — 登录</translation>
    </message>
    <message>
        <source>PhotoDesk</source>
        <translation>PhotoDesk 照片审核台</translation>
    </message>
    <message>
        <source>Graduation photo review workstation</source>
        <translation>毕业生图像采集 · 照片审核工作台</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Hotline agent</source>
        <translation>客服专员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>PhotoDesk — Graduation photo review</source>
        <translation>PhotoDesk — 毕业生照片审核</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>照片审核</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh queue</source>
        <translation>刷新队列(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About PhotoDesk</source>
        <translation>关于 PhotoDesk(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>待审核 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>A decision could not be delivered to the platform yet (%1); it is tried again.</source>
        <translation>审核结果暂未送达平台（%1），将自动重试。</translation>
    </message>
    <message>
        <source>A decision was refused by the platform: %1</source>
        <translation>平台拒收了一条审核结果：%1</translation>
    </message>
    <message>
        <source>&amp;Claim next submission</source>
        <translation>领取下一份(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>PhotoDesk — %1 graduation photo review</source>
        <translation>PhotoDesk — %1 毕业生照片审核</translation>
    </message>
    <message>
        <source>Clean lane</source>
        <translation>快速通道</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <source>Set-&amp;up wizard…</source>
        <translation>设置向导(&amp;U)…</translation>
    </message>
    <message>
        <source>Export &amp;diagnostics…</source>
        <translation>导出诊断信息(&amp;D)…</translation>
    </message>
    <message>
        <source>The clean lane is switched off (a supervisor&apos;s setting).</source>
        <translation>快速通道已关闭（由主管设置）。</translation>
    </message>
</context>
<context>
    <name>pd::PasswordChangeDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>You signed in with an initial or reset password. Choose your own password before you start.</source>
        <translation>您使用的是初始密码或重置后的密码。开始工作前请设置自己的密码。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>确认新密码：</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>正在修改…</translation>
    </message>
</context>
<context>
    <name>pd::PhotoPane</name>
    <message>
        <source>The photo file is empty.</source>
        <translation>照片文件为空。</translation>
    </message>
    <message>
        <source>The file is not an image PhotoDesk can read.</source>
        <translation>该文件不是可识别的图像。</translation>
    </message>
    <message>
        <source>The %1 image is damaged and cannot be decoded.</source>
        <translation>该 %1 图像已损坏，无法解码。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The photo cannot be shown.</source>
        <translation>无法显示该照片。</translation>
    </message>
    <message>
        <source>named .%1 but really %2</source>
        <translation>扩展名为 .%1，实际为 %2</translation>
    </message>
</context>
<context>
    <name>pd::QueueCountsBar</name>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Pending submissions past their 48-hour deadline</source>
        <translation>已超过 48 小时审核期限的待审核照片</translation>
    </message>
    <message>
        <source>&lt; 6 h</source>
        <translation>6 小时内</translation>
    </message>
    <message>
        <source>Pending submissions due within 6 hours</source>
        <translation>6 小时内到期的待审核照片</translation>
    </message>
    <message>
        <source>&lt; 24 h</source>
        <translation>24 小时内</translation>
    </message>
    <message>
        <source>Pending submissions due in 6 to 24 hours</source>
        <translation>6 至 24 小时内到期的待审核照片</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>更晚</translation>
    </message>
    <message>
        <source>Pending submissions due in 24 hours or more</source>
        <translation>24 小时以后到期的待审核照片</translation>
    </message>
    <message>
        <source>Click to show only these; click again to show all.</source>
        <translation>点击只显示这些；再次点击显示全部。</translation>
    </message>
</context>
<context>
    <name>pd::QueueModel</name>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>overdue %1 h %2 min</source>
        <translation>已超时 %1小时%2分</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>剩余 %1分</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>剩余 %1小时%2分</translation>
    </message>
    <message>
        <source>Paid %1, deadline %2 (%3)</source>
        <translation>缴费 %1，截止 %2（%3）</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Being reviewed by %1 (until %2)</source>
        <translation>%1 正在审核（锁定至 %2）</translation>
    </message>
    <message>
        <source>Locked by %1</source>
        <translation>已被 %1 锁定</translation>
    </message>
</context>
<context>
    <name>pd::RecoveryNotice</name>
    <message>
        <source>PhotoDesk did not shut down properly last time (session of %1, started %2).</source>
        <translation>PhotoDesk 上次没有正常退出（%1 的会话，开始于 %2）。</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <source>That session used another database; nothing was checked here.</source>
        <translation>该会话使用的是另一个数据库，此处未作检查。</translation>
    </message>
    <message>
        <source>Submission %1, which this desk held, is still yours: it is open again.</source>
        <translation>本工作站领取的提交 %1 仍由您审核，已重新打开。</translation>
    </message>
    <message>
        <source>Submission %1, which this desk held for %2, was released back to the queue.</source>
        <translation>本工作站为 %2 领取的提交 %1 已释放回审核队列。</translation>
    </message>
    <message>
        <source>The hold on submission %1 had run out; it went back to the queue.</source>
        <translation>提交 %1 的领取已过期，已回到审核队列。</translation>
    </message>
    <message>
        <source>Submission %1 is now being reviewed by %2.</source>
        <translation>提交 %1 现由 %2 审核。</translation>
    </message>
    <message>
        <source>Submission %1, which this desk held, has been decided.</source>
        <translation>本工作站领取的提交 %1 已有审核结果。</translation>
    </message>
    <message>
        <source>rejection</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>The %1 of submission %2 that was being saved was saved completely, with its audit record and messages.</source>
        <translation>当时正在保存的提交 %2 的审核结果（%1）已完整保存，审计记录和通知一并保存。</translation>
    </message>
    <message>
        <source>The %1 of submission %2 that was being saved was not saved (nothing of it was written): please decide it again.</source>
        <translation>当时正在保存的提交 %2 的审核结果（%1）未保存（没有写入任何内容），请重新审核。</translation>
    </message>
    <message numerus="yes">
        <source>Still to be delivered from that session: %n SMS</source>
        <translation>
            <numerusform>该会话尚待发送：%n 条短信</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n platform message(s)</source>
        <translation>
            <numerusform>、%n 条平台消息</numerusform>
        </translation>
    </message>
    <message>
        <source> — sending resumes now.</source>
        <translation>，现已继续发送。</translation>
    </message>
    <message numerus="yes">
        <source>%n were being sent at the time; the gateway is asked first, so none is sent twice.</source>
        <translation>
            <numerusform>其中 %n 条当时正在发送；重发前会先向网关查询，不会重复发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopened submission %1, where you were.</source>
        <translation>已重新打开您上次审核的提交 %1。</translation>
    </message>
    <message>
        <source>No work was in progress; nothing was lost.</source>
        <translation>当时没有进行中的工作，没有任何丢失。</translation>
    </message>
    <message>
        <source>Recovered after an unexpected exit</source>
        <translation>异常退出后已恢复</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>pd::ReviewWorkspace</name>
    <message>
        <source>pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>The queue cannot be loaded: %1</source>
        <translation>无法加载审核队列：%1</translation>
    </message>
    <message>
        <source>Search name or student no.</source>
        <translation>搜索姓名或学号</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Submitted photo</source>
        <translation>提交的照片</translation>
    </message>
    <message>
        <source>Enrollment photo</source>
        <translation>录取照片</translation>
    </message>
    <message>
        <source>ID-card photo</source>
        <translation>身份证照片</translation>
    </message>
    <message numerus="yes">
        <source>Review queue · %n pending</source>
        <translation>
            <numerusform>审核队列 · 待审核 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <source>No submissions are waiting for review.</source>
        <translation>暂无待审核的提交。</translation>
    </message>
    <message>
        <source>No submissions match.</source>
        <translation>没有符合条件的提交。</translation>
    </message>
    <message>
        <source>This is the last submission in the queue.</source>
        <translation>已是队列中的最后一份。</translation>
    </message>
    <message>
        <source>This is the first submission in the queue.</source>
        <translation>已是队列中的第一份。</translation>
    </message>
    <message>
        <source>Submission %1 cannot be opened: %2</source>
        <translation>无法打开提交 %1：%2</translation>
    </message>
    <message>
        <source>This submission was already %1; it cannot be decided again.</source>
        <translation>该提交已%1，不能再次审核。</translation>
    </message>
    <message>
        <source>No submitted photo is stored for this attempt.</source>
        <translation>本次采集没有提交的照片。</translation>
    </message>
    <message>
        <source>No enrollment photo is stored for this student.</source>
        <translation>该学生没有录取照片。</translation>
    </message>
    <message>
        <source>No ID-card photo is stored for this student.</source>
        <translation>该学生没有身份证照片。</translation>
    </message>
    <message>
        <source>Loading the submission…</source>
        <translation>正在加载提交…</translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>ID no.</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>采集编号</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>缴费时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>No pending submission is open.</source>
        <translation>当前没有打开待审核的提交。</translation>
    </message>
    <message>
        <source>Not approved: rejection reasons %1 are checked. Uncheck them to approve, or press R to reject.</source>
        <translation>未通过：已勾选驳回原因 %1。如要通过请先取消勾选，或按 R 驳回。</translation>
    </message>
    <message>
        <source>Choose at least one reason (type its number) before rejecting.</source>
        <translation>驳回前请至少选择一个原因（输入原因编号）。</translation>
    </message>
    <message>
        <source>%1: the decision was not saved. %2</source>
        <translation>%1：审核结果未保存。%2</translation>
    </message>
    <message>
        <source>Approved %1; the SMS is queued.</source>
        <translation>已通过 %1，通知短信已排队发送。</translation>
    </message>
    <message numerus="yes">
        <source>Rejected %1 with %n reason(s); the SMS is queued.</source>
        <translation>
            <numerusform>已驳回 %1（%n 个原因），通知短信已排队发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>No more submissions are waiting for review.</source>
        <translation>没有更多待审核的提交了。</translation>
    </message>
    <message>
        <source>There is no reason number %1.</source>
        <translation>没有编号为 %1 的原因。</translation>
    </message>
    <message>
        <source>Resumed submission %1, which you were reviewing.</source>
        <translation>已恢复您之前正在审核的提交 %1。</translation>
    </message>
    <message>
        <source>The hold on this submission could not be renewed: %1</source>
        <translation>无法续期对该提交的锁定：%1</translation>
    </message>
    <message>
        <source>No submission could be claimed: %1</source>
        <translation>无法领取提交：%1</translation>
    </message>
    <message>
        <source>No unclaimed submission is waiting for review.</source>
        <translation>没有未被领取的待审核提交。</translation>
    </message>
    <message>
        <source>Every other submission is held by someone or was skipped; press N again to go through the skipped ones.</source>
        <translation>其余提交均已被他人领取或已被您跳过；再按 N 将从跳过的提交重新开始。</translation>
    </message>
    <message>
        <source>Claimed submission %1.</source>
        <translation>已领取提交 %1。</translation>
    </message>
    <message>
        <source>Locked: %1 is reviewing this submission (held until %2). Read-only here.</source>
        <translation>已锁定：%1 正在审核这份提交（锁定至 %2），此处只读。</translation>
    </message>
    <message>
        <source>Locked: %1 is reviewing this submission. Read-only here.</source>
        <translation>已锁定：%1 正在审核这份提交，此处只读。</translation>
    </message>
    <message>
        <source>Claimed by you until %1 (renewed automatically while it is open).</source>
        <translation>已由您领取，保留至 %1（打开期间自动续期）。</translation>
    </message>
    <message>
        <source>another reviewer</source>
        <translation>其他审核员</translation>
    </message>
    <message>
        <source>%1 is reviewing this submission: it is read-only here and cannot be decided. Press J for the next one or N to claim one nobody holds.</source>
        <translation>%1 正在审核这份提交：此处只读，不能作出审核结论。按 J 查看下一份，或按 N 领取无人审核的提交。</translation>
    </message>
    <message>
        <source>This submission cannot be claimed: %1</source>
        <translation>无法领取这份提交：%1</translation>
    </message>
    <message>
        <source>%1 is reviewing this submission: it cannot be decided here.</source>
        <translation>%1 正在审核这份提交，不能在此作出审核结论。</translation>
    </message>
    <message>
        <source>You do not hold this submission, so it cannot be decided. Press F5 to reload it.</source>
        <translation>您尚未领取这份提交，不能作出审核结论。请按 F5 重新加载。</translation>
    </message>
    <message>
        <source>The decision was not saved: %1</source>
        <translation>审核结果未保存：%1</translation>
    </message>
    <message>
        <source>Not approved: tick the checklist items first (only a person can judge them).</source>
        <translation>未通过：请先勾选核对项（只能由人工判断）。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The photo cannot be shown.</source>
        <translation>无法显示该照片。</translation>
    </message>
    <message>
        <source>The queue cannot be counted: %1</source>
        <translation>无法统计审核队列：%1</translation>
    </message>
    <message>
        <source>Queue (%1)</source>
        <translation>队列（%1）</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Show the review queue</source>
        <translation>显示审核队列</translation>
    </message>
    <message>
        <source>Hide the review queue: more room for the photos</source>
        <translation>隐藏审核队列，给照片留出更多空间</translation>
    </message>
</context>
<context>
    <name>pd::RuleAgreementModel</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Flagged, cited</source>
        <translation>已标记且引用</translation>
    </message>
    <message>
        <source>Flagged, overridden</source>
        <translation>已标记未采纳</translation>
    </message>
    <message>
        <source>Cited, not flagged</source>
        <translation>引用但未标记</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>均无</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
</context>
<context>
    <name>pd::RuleFlagsModel</name>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>check</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>无法测量</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Measured [thresholds]</source>
        <translation>测量值 [阈值]</translation>
    </message>
    <message>
        <source>What the student is asked to redo</source>
        <translation>对学生的要求</translation>
    </message>
</context>
<context>
    <name>pd::RuleFlagsPanel</name>
    <message>
        <source>The photo could not be read, so the rules were not checked (%1).</source>
        <translation>照片无法读取，未做规则检查（%1）。</translation>
    </message>
    <message>
        <source>Photo rules</source>
        <translation>照片规则</translation>
    </message>
    <message>
        <source>Overlay (O)</source>
        <translation>叠加标注 (O)</translation>
    </message>
    <message>
        <source>Face box, landmarks, hair-top / eye-line / chin guides against the allowed bands, and the regions of flagged rules</source>
        <translation>人脸框、特征点、头顶/眼线/下巴参考线与允许范围，以及被标记规则的区域</translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation>规则检查中…</translation>
    </message>
    <message>
        <source>Rules unavailable: %1</source>
        <translation>规则检查不可用：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n fail(s)</source>
        <translation>
            <numerusform>%n 项不符合</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n 项需注意</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not measured</source>
        <translation>
            <numerusform>%n 项无法测量</numerusform>
        </translation>
    </message>
    <message>
        <source>rule set %1 v%2</source>
        <translation>规则集 %1 v%2</translation>
    </message>
    <message>
        <source>The rules were never checked on this photo.</source>
        <translation>该照片从未进行规则检查。</translation>
    </message>
</context>
<context>
    <name>pd::SecondReviewModel</name>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>First decision</source>
        <translation>初审结论</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>First reviewer</source>
        <translation>初审员</translation>
    </message>
</context>
<context>
    <name>pd::SecondReviewPage</name>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>&amp;Share:</source>
        <translation>抽样比例(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Sample now</source>
        <translation>立即抽样(&amp;S)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reasons for an overturn to rejection:</source>
        <translation>改判为驳回的原因：</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>&amp;Confirm first decision</source>
        <translation>维持初审(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Overturn: approve</source>
        <translation>改判：通过(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Overturn: reject</source>
        <translation>改判：驳回(&amp;O)</translation>
    </message>
    <message>
        <source>Submitted photo</source>
        <translation>提交照片</translation>
    </message>
    <message>
        <source>Enrollment photo</source>
        <translation>录取照片</translation>
    </message>
    <message>
        <source>ID card photo</source>
        <translation>身份证照片</translation>
    </message>
    <message>
        <source>Select a decision to review it a second time.</source>
        <translation>选择一条审核结论进行复核。</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) sampled for second review</source>
        <translation>
            <numerusform>已抽取 %n 条审核结论进行复核</numerusform>
        </translation>
    </message>
    <message>
        <source>approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Submission %1, first decision: %2 (%3)</source>
        <translation>提交 %1，初审结论：%2（%3）</translation>
    </message>
    <message>
        <source>Overturned; the student is notified again.</source>
        <translation>已改判，将重新通知学生。</translation>
    </message>
    <message>
        <source>First decision confirmed.</source>
        <translation>已维持初审结论。</translation>
    </message>
</context>
<context>
    <name>pd::SessionFiguresLabel</name>
    <message numerus="yes">
        <source>Today %n decided</source>
        <translation>
            <numerusform>今日已审 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>median %1 s per decision</source>
        <translation>中位 %1 秒/份</translation>
    </message>
    <message>
        <source>Your decisions since midnight: %1 approved, %2 rejected.
Median time per decision: the middle of the gaps between your consecutive decisions today; gaps over %3 minutes count as pauses and are left out.</source>
        <translation>您今天（零点起）的审核：通过 %1 份，驳回 %2 份。
每份用时中位数：今天相邻两次审核之间间隔的中位数；超过 %3 分钟的间隔视为休息，不计入。</translation>
    </message>
</context>
<context>
    <name>pd::SettingsDialog</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>%1 is locked by the system configuration and cannot be changed here.</source>
        <translation>%1 已被系统配置锁定，不能在此更改。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System file: %1</source>
        <translation>系统配置：%1</translation>
    </message>
    <message>
        <source>System file: %1 (none)</source>
        <translation>系统配置：%1（不存在）</translation>
    </message>
    <message>
        <source>Your settings: %1</source>
        <translation>用户设置：%1</translation>
    </message>
    <message>
        <source>Locked by the system file (read-only here): %1</source>
        <translation>被系统配置锁定（此处只读）：%1</translation>
    </message>
    <message>
        <source>Ignored in the settings files:</source>
        <translation>设置文件中被忽略的内容：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Secrets&lt;/b&gt; — never written to a settings file: kept in the desktop keychain or given in the environment.</source>
        <translation>&lt;b&gt;密钥&lt;/b&gt; — 绝不写入设置文件：保存在桌面密钥环中，或通过环境变量提供。</translation>
    </message>
    <message>
        <source>Set platform token…</source>
        <translation>设置平台令牌…</translation>
    </message>
    <message>
        <source>Set SMS access key…</source>
        <translation>设置短信 AccessKey…</translation>
    </message>
    <message>
        <source>Set database password…</source>
        <translation>设置数据库密码…</translation>
    </message>
    <message>
        <source>Back to default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Set-up wizard…</source>
        <translation>设置向导…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>new value entered (saved to the keychain)</source>
        <translation>已输入新值（将保存到密钥环）</translation>
    </message>
    <message>
        <source>given on the command line</source>
        <translation>由命令行提供</translation>
    </message>
    <message>
        <source>set in the environment</source>
        <translation>由环境变量提供</translation>
    </message>
    <message>
        <source>in the desktop keychain, or not set</source>
        <translation>在桌面密钥环中，或未设置</translation>
    </message>
    <message>
        <source>not set (no desktop keychain here: use %1)</source>
        <translation>未设置（此处没有桌面密钥环：请使用 %1）</translation>
    </message>
    <message>
        <source>Platform access token: %1</source>
        <translation>平台访问令牌：%1</translation>
    </message>
    <message>
        <source>SMS access key: %1</source>
        <translation>短信 AccessKey：%1</translation>
    </message>
    <message>
        <source>Team database password: %1</source>
        <translation>团队数据库密码：%1</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n change(s), each recorded in the audit log.</source>
        <translation>
            <numerusform>已保存：%n 项更改，均已记入审计日志。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>The database settings apply the next time PhotoDesk starts.</source>
        <translation>数据库设置在下次启动 PhotoDesk 时生效。</translation>
    </message>
</context>
<context>
    <name>pd::SettingsTableModel</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Database file (embedded)</source>
        <translation>数据库文件（本机）</translation>
    </message>
    <message>
        <source>Team database URL</source>
        <translation>团队数据库地址</translation>
    </message>
    <message>
        <source>Photo folder</source>
        <translation>照片文件夹</translation>
    </message>
    <message>
        <source>Team database password</source>
        <translation>团队数据库密码</translation>
    </message>
    <message>
        <source>Platform URL</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Platform access token</source>
        <translation>平台访问令牌</translation>
    </message>
    <message>
        <source>Extra CA certificate (PEM)</source>
        <translation>附加 CA 证书（PEM）</translation>
    </message>
    <message>
        <source>Pinned platform certificate (SHA-256)</source>
        <translation>固定的平台证书（SHA-256）</translation>
    </message>
    <message>
        <source>Sync every (minutes)</source>
        <translation>同步间隔（分钟）</translation>
    </message>
    <message>
        <source>SMS provider</source>
        <translation>短信服务商</translation>
    </message>
    <message>
        <source>SMS gateway URL</source>
        <translation>短信网关地址</translation>
    </message>
    <message>
        <source>SMS region</source>
        <translation>短信服务地域</translation>
    </message>
    <message>
        <source>Tencent SMS app id</source>
        <translation>腾讯云短信应用 ID</translation>
    </message>
    <message>
        <source>SMS template: approved</source>
        <translation>短信模板：通过</translation>
    </message>
    <message>
        <source>SMS template: rejected</source>
        <translation>短信模板：驳回</translation>
    </message>
    <message>
        <source>SMS signature</source>
        <translation>短信签名</translation>
    </message>
    <message>
        <source>SMS access key id</source>
        <translation>短信 AccessKey ID</translation>
    </message>
    <message>
        <source>SMS access key secret</source>
        <translation>短信 AccessKey Secret</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>学校名称</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>日志级别</translation>
    </message>
    <message>
        <source>Team (PostgreSQL)</source>
        <translation>团队（PostgreSQL）</translation>
    </message>
    <message>
        <source>Embedded (SQLite)</source>
        <translation>本机（SQLite）</translation>
    </message>
    <message>
        <source>Aliyun</source>
        <translation>阿里云</translation>
    </message>
    <message>
        <source>Tencent Cloud</source>
        <translation>腾讯云</translation>
    </message>
    <message>
        <source>Generic gateway</source>
        <translation>通用网关</translation>
    </message>
    <message>
        <source>None (no SMS)</source>
        <translation>无（不发短信）</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>System file (locked)</source>
        <translation>系统配置（已锁定）</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>System file</source>
        <translation>系统配置</translation>
    </message>
    <message>
        <source>Your settings</source>
        <translation>用户设置</translation>
    </message>
    <message>
        <source>Command line (this run)</source>
        <translation>命令行（仅本次运行）</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>%1 — locked by the system configuration %2</source>
        <translation>%1 — 已被系统配置 %2 锁定</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Back to the default when saved</source>
        <translation>保存后恢复默认</translation>
    </message>
    <message>
        <source>Your settings (when saved)</source>
        <translation>用户设置（保存后）</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1 is locked by the system configuration and cannot be changed here.</source>
        <translation>%1 已被系统配置锁定，不能在此更改。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>pd::ShortcutModel</name>
    <message>
        <source>Where</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>pd::ShortcutOverlay</name>
    <message>
        <source>Keyboard shortcuts (Esc closes this list)</source>
        <translation>键盘快捷键（按 Esc 关闭）</translation>
    </message>
</context>
<context>
    <name>pd::SmsTemplatePage</name>
    <message>
        <source>The text students receive after a decision. {name} is the student&apos;s name, {reasons} the rejection reasons; the school&apos;s signature stays in 【】. Changes apply to decisions made after the reviewers&apos; next login and are recorded in the audit log.</source>
        <translation>学生在审核决定后收到的短信。{name} 为学生姓名，{reasons} 为驳回原因；学校签名须写在【】中。修改对审核员下次登录后作出的决定生效，并记入审计日志。</translation>
    </message>
    <message>
        <source>Preview (approval, then a rejection with two reasons):</source>
        <translation>预览（先为通过，再为含两条原因的驳回）：</translation>
    </message>
    <message>
        <source>Save templates</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Back to the built-in templates</source>
        <translation>恢复内置模板</translation>
    </message>
    <message>
        <source>Edited templates in force</source>
        <translation>当前使用：已修改的模板</translation>
    </message>
    <message>
        <source>Built-in templates in force</source>
        <translation>当前使用：内置模板</translation>
    </message>
    <message>
        <source>Not valid yet: %1</source>
        <translation>尚不有效：%1</translation>
    </message>
    <message>
        <source>Wang Xiaoming</source>
        <translation>王小明</translation>
    </message>
    <message>
        <source>%1
(%2 characters, %3 SMS%4)</source>
        <translation>%1
（%2 个字，%3 条短信%4）</translation>
    </message>
    <message>
        <source>, too long</source>
        <translation>，超长</translation>
    </message>
    <message>
        <source>SMS templates saved.</source>
        <translation>短信模板已保存。</translation>
    </message>
    <message>
        <source>Back to the built-in SMS templates.</source>
        <translation>已恢复内置短信模板。</translation>
    </message>
</context>
<context>
    <name>pd::StudentSearchModel</name>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>提交次数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>pd::SubmittedPhotoDialog</name>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>decided %1</source>
        <translation>审核于 %1</translation>
    </message>
    <message>
        <source>Reasons as sent to the student:</source>
        <translation>发送给学生的驳回原因：</translation>
    </message>
    <message>
        <source>Not decided yet: no result has been sent.</source>
        <translation>尚未审核：还没有发送结果。</translation>
    </message>
    <message>
        <source>No SMS was written for this submission.</source>
        <translation>该提交没有短信。</translation>
    </message>
    <message>
        <source>SMS (resent)</source>
        <translation>短信（重发）</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Submitted photo (read-only)</source>
        <translation>提交的照片（只读）</translation>
    </message>
    <message>
        <source>Submitted photo</source>
        <translation>提交照片</translation>
    </message>
    <message>
        <source>Sent to the student</source>
        <translation>已发送给学生的内容</translation>
    </message>
    <message>
        <source>Read-only: nothing can be decided here. Opening this photo has been recorded in the audit log.</source>
        <translation>只读：此处不能做审核决定。打开此照片已记入审计日志。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Submission %1&lt;/b&gt; (attempt #%2) · %3</source>
        <translation>&lt;b&gt;提交 %1&lt;/b&gt;（第 #%2 次采集）· %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempt #%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 #%1 次采集&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
</context>
<context>
    <name>pd::SupervisionWorkspace</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <source>Second review</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>监督管理</translation>
    </message>
    <message>
        <source>SMS templates</source>
        <translation>短信模板</translation>
    </message>
    <message>
        <source>Clean lane</source>
        <translation>快速通道</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>pd::SyncStatusWidget</name>
    <message>
        <source>retry %1 in %2 s: %3</source>
        <translation>第 %1 次重试，%2 秒后：%3</translation>
    </message>
    <message>
        <source>Platform: not configured</source>
        <translation>平台：未配置</translation>
    </message>
    <message>
        <source>Start PhotoDesk with --platform URL (and the token in PHOTODESK_PLATFORM_TOKEN) to pull submissions.</source>
        <translation>使用 --platform URL 启动 PhotoDesk（令牌放在 PHOTODESK_PLATFORM_TOKEN 中）即可拉取提交。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <source>Sync %1</source>
        <translation>同步 %1</translation>
    </message>
    <message>
        <source>Sync %1/%2</source>
        <translation>同步 %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>synced %1 (%n new)</source>
        <translation>
            <numerusform>%1 已同步（新增 %n 份）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 submissions received, %2 new, %3 updated, %4 photos downloaded.</source>
        <translation>收到 %1 份提交，新增 %2 份，更新 %3 份，下载照片 %4 张。</translation>
    </message>
    <message numerus="yes">
        <source>sync incomplete at %1: %n error(s), tried again automatically</source>
        <translation>
            <numerusform>%1 同步未完成：%n 个错误，将自动重试</numerusform>
        </translation>
    </message>
    <message>
        <source>SMS: not configured</source>
        <translation>短信：未配置</translation>
    </message>
    <message>
        <source>Start PhotoDesk with --sms-provider and the key pair in the environment (docs/sms.md) to send the SMS.</source>
        <translation>使用 --sms-provider 启动 PhotoDesk 并在环境变量中提供密钥（见 docs/sms.md）即可发送短信。</translation>
    </message>
    <message>
        <source>SMS: stopped (no access key)</source>
        <translation>短信：已停止（缺少访问密钥）</translation>
    </message>
    <message>
        <source>SMS: …</source>
        <translation>短信：…</translation>
    </message>
    <message>
        <source>SMS: %1 waiting</source>
        <translation>短信：待发 %1</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · 失败 %1</translation>
    </message>
    <message>
        <source> · %1 sent</source>
        <translation> · 已发 %1</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>最近的问题：%1</translation>
    </message>
</context>
<context>
    <name>pd::TimelineModel</name>
    <message>
        <source>Submission</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Call note</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <source>Submission %1 (attempt #%2)</source>
        <translation>提交 %1（第 #%2 次采集）</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>送达：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待发送</translation>
    </message>
</context>
</TS>
