{{%AUTOESCAPE context="HTML"}}</main>
<footer class="admin-footer"><p>Trang quản trị nội bộ. Mọi thao tác đều được ghi nhật ký.</p></footer>
</body>
</html>
